// Turns measured rows into the Markdown table, the target verdicts and the SVG chart. Pure functions.

/** Averages the rounds of one (scenario, server, concurrency) cell. */
export function aggregate(runs) {
  const cells = new Map();
  for (const run of runs) {
    const key = `${run.scenario}|${run.server}|${run.concurrency}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(run);
  }
  return [...cells.values()].map((rounds) => {
    const mean = (field) => {
      const values = rounds.map((run) => run[field]).filter((value) => typeof value === 'number');
      return values.length ? values.reduce((a, b) => a + b, 0) / values.length : undefined;
    };
    const max = (field) => {
      const values = rounds.map((run) => run[field]).filter((value) => typeof value === 'number');
      return values.length ? Math.max(...values) : undefined;
    };
    return {
      ...rounds[0],
      rounds: rounds.length,
      failed: rounds.some((run) => run.failed),
      failure: rounds.find((run) => run.failed)?.failure,
      rps: mean('rps'),
      p50: mean('p50'),
      p99: mean('p99'),
      cpuMsPerRequest: mean('cpuMsPerRequest'),
      peakRssMb: max('peakRssMb'),
      loopDelayP99Ms: max('loopDelayP99Ms'),
      coresUsed: mean('coresUsed'),
    };
  });
}

const fixed = (value, digits) => (value === undefined ? '–' : value.toFixed(digits));

/** The results table: one row per scenario, server and concurrency. */
export function renderTable(cells) {
  const lines = [
    '| scenario | server | conc. | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MB | loop delay p99 ms | cores used | rounds |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const cell of sortCells(cells)) {
    const rps = cell.failed ? `FAILED (${cell.failure})` : fixed(cell.rps, 0);
    lines.push(
      `| ${cell.scenario}. ${cell.label} | ${cell.server} | ${cell.concurrency} | ${rps} | ${fixed(cell.p50, 1)} | ` +
        `${fixed(cell.p99, 1)} | ${fixed(cell.cpuMsPerRequest, 3)} | ${fixed(cell.peakRssMb, 0)} | ` +
        `${fixed(cell.loopDelayP99Ms, 1)} | ${fixed(cell.coresUsed, 2)} | ${cell.rounds} |`,
    );
  }
  return lines.join('\n');
}

function sortCells(cells) {
  const order = { ours: 0, peer: 1, baseline: 2 };
  return [...cells].sort(
    (a, b) =>
      a.scenario.localeCompare(b.scenario) ||
      a.concurrency - b.concurrency ||
      (order[a.server] ?? 9) - (order[b.server] ?? 9),
  );
}

const find = (cells, scenario, server, concurrency) =>
  cells.find((c) => c.scenario === scenario && c.server === server && c.concurrency === concurrency && !c.failed);

/** The issue's targets, each with its measured value and whether it is met. */
export function evaluateTargets(cells, extra = {}) {
  const targets = [];
  const ratio = (name, scenario, other, concurrency, minimum) => {
    const ours = find(cells, scenario, 'ours', concurrency);
    const them = find(cells, scenario, other, concurrency);
    if (!ours || !them) return;
    const value = ours.rps / them.rps;
    targets.push({ name, measured: `${value.toFixed(2)} ×`, met: value >= minimum });
  };
  for (const c of [16, 64]) {
    ratio(`1. RS256 client_credentials ≥ 1.3 × oidc-provider, c=${c}`, '1', 'peer', c, 1.3);
    ratio(`2. ES256 client_credentials ≥ 1.3 × oidc-provider, c=${c}`, '2', 'peer', c, 1.3);
  }
  for (const scenario of ['1', '2']) {
    const ours = find(cells, scenario, 'ours', 16);
    if (ours)
      targets.push({
        name: `${scenario}. p99 < 25 ms at c=16`,
        measured: `${ours.p99.toFixed(1)} ms`,
        met: ours.p99 < 25,
      });
  }
  for (const c of [1, 16, 64]) ratio(`5. GET /user ≥ 0.8 × unauthenticated baseline, c=${c}`, '5', 'baseline', c, 0.8);
  for (const cell of cells.filter((c) => c.scenario === '6' && c.server === 'ours' && !c.failed)) {
    targets.push({
      name: `6. event-loop delay p99 < 20 ms during cold bcrypt checks, c=${cell.concurrency}`,
      measured: `${cell.loopDelayP99Ms.toFixed(1)} ms`,
      met: cell.loopDelayP99Ms < 20,
    });
    if (cell.concurrency > 1) {
      targets.push({
        name: `6. cold checks use both cores, c=${cell.concurrency}`,
        measured: `${cell.coresUsed.toFixed(2)} cores`,
        met: cell.coresUsed >= 1.5,
      });
    }
  }
  const refresh = find(cells, '4', 'ours', 16);
  if (refresh) {
    targets.push({
      name: '4. ≥ 1,500 refreshes/s at c=16',
      measured: `${refresh.rps.toFixed(0)} /s`,
      met: refresh.rps >= 1500,
    });
  }
  if (extra.rotation) {
    const r = extra.rotation;
    targets.push({
      name: '4. rotation exactly once (no family revoked, no token rotated twice)',
      measured: `${r.rotated} rotated, ${r.revoked} revoked, ${r.overRotated} over-rotated`,
      met: r.ok,
    });
  }
  return targets;
}

export function renderTargets(targets) {
  return [
    '| target | measured | met |',
    '|---|--:|---|',
    ...targets.map((t) => `| ${t.name} | ${t.measured} | ${t.met ? 'met' : '**not met**'} |`),
  ].join('\n');
}

/** A grouped bar chart of req/s: one group per scenario and concurrency, one bar per server. */
export function renderSvg(cells, title) {
  const groups = [];
  for (const cell of sortCells(cells)) {
    const key = `${cell.scenario} c${cell.concurrency}`;
    let group = groups.find((g) => g.key === key);
    if (!group) groups.push((group = { key, bars: [] }));
    group.bars.push(cell);
  }
  const colors = { ours: '#2b6cb0', peer: '#dd6b20', baseline: '#718096' };
  const barWidth = 16;
  const groupWidth = 3 * barWidth + 14;
  const left = 60;
  const top = 40;
  const height = 260;
  const width = left + groups.length * groupWidth + 20;
  const peak = Math.max(1, ...cells.map((c) => c.rps ?? 0));
  const scale = (value) => (value / peak) * height;
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + 90}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${left}" y="20" font-size="14">${escapeXml(title)}</text>`,
  ];
  for (let i = 0; i <= 4; i++) {
    const value = (peak * i) / 4;
    const y = top + height - scale(value);
    out.push(`<line x1="${left}" x2="${width - 10}" y1="${y}" y2="${y}" stroke="#e2e8f0"/>`);
    out.push(`<text x="${left - 6}" y="${y + 3}" text-anchor="end">${value.toFixed(0)}</text>`);
  }
  out.push(`<text x="12" y="${top + height / 2}" transform="rotate(-90 12 ${top + height / 2})">req/s</text>`);
  groups.forEach((group, g) => {
    const x0 = left + 8 + g * groupWidth;
    group.bars.forEach((bar, b) => {
      const h = bar.failed ? 0 : scale(bar.rps ?? 0);
      out.push(
        `<rect x="${x0 + b * barWidth}" y="${top + height - h}" width="${barWidth - 2}" height="${h}" fill="${colors[bar.server] ?? '#000'}">` +
          `<title>${escapeXml(`${bar.scenario}. ${bar.label} ${bar.server} c=${bar.concurrency}: ${fixed(bar.rps, 0)} req/s`)}</title></rect>`,
      );
    });
    const labelX = x0 + (group.bars.length * barWidth) / 2;
    out.push(`<text x="${labelX}" y="${top + height + 14}" text-anchor="middle">${escapeXml(group.key)}</text>`);
  });
  let legendX = left;
  for (const [server, color] of Object.entries(colors)) {
    out.push(`<rect x="${legendX}" y="${top + height + 30}" width="10" height="10" fill="${color}"/>`);
    const label = { ours: 'ours', peer: 'node-oidc-provider', baseline: 'unauthenticated baseline' }[server];
    out.push(`<text x="${legendX + 14}" y="${top + height + 39}">${label}</text>`);
    legendX += 160;
  }
  out.push(
    `<text x="${left}" y="${top + height + 60}">Scenarios: 1 client_credentials RS256, 2 ES256, 3 with refresh token, 4 refresh rotation, 5 GET /user, 6 cold bcrypt.</text>`,
  );
  out.push('</svg>');
  return out.join('\n');
}

function escapeXml(text) {
  return String(text).replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]);
}
