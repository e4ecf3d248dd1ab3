import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile, chmod } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** One request as nginx logged it: which instance (or instances, after a retry) answered it. */
export interface BalancedRequest {
  method: string;
  path: string;
  status: number;
  /** `$upstream_addr`: the instances tried, in order, e.g. `['127.0.0.1:41001']`. */
  upstreams: string[];
}

export interface NginxProcess {
  url: string;
  /** The requests nginx passed on so far, from its access log. */
  requests(): Promise<BalancedRequest[]>;
  output(): string;
  stop(): Promise<void>;
}

/** Debian's nginx (`apt-get install nginx-light`; .ci/run installs it when missing). */
function nginxBinary(): string {
  const candidates = [...(process.env['PATH'] ?? '').split(delimiter), '/usr/sbin'].map((dir) => join(dir, 'nginx'));
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('nginx is not installed: `apt-get install -y nginx-light` (as .ci/run does)');
  return found;
}

/**
 * Runs nginx in the foreground with `siteConfig` inside its `http` block, as the official image includes
 * /etc/nginx/conf.d/*.conf, plus an access log of the upstream each request went to. One worker, so round robin
 * alternates strictly. Everything nginx writes stays in a temporary folder.
 */
export async function startNginx(siteConfig: string, port: number): Promise<NginxProcess> {
  const binary = nginxBinary();
  const dir = await mkdtemp(join(tmpdir(), 'nginx-'));
  // Worker processes may run as an unprivileged user; they write temporary files here.
  await chmod(dir, 0o755);
  const accessLog = join(dir, 'access.log');
  await writeFile(join(dir, 'site.conf'), siteConfig);
  await writeFile(
    join(dir, 'nginx.conf'),
    [
      'daemon off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      'error_log stderr warn;',
      'events { worker_connections 64; }',
      'http {',
      "  log_format balanced '$request_method $uri $status $upstream_addr';",
      `  access_log ${accessLog} balanced;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `  ${kind}_temp_path ${join(dir, kind)};`),
      `  include ${join(dir, 'site.conf')};`,
      '}',
      '',
    ].join('\n'),
  );
  const child = spawn(binary, ['-e', 'stderr', '-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async () => {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilListening(port, child);
  } catch (error) {
    await stop();
    throw new Error(`nginx did not start: ${(error as Error).message}\n${output}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    requests: async () => parseAccessLog(await readFile(accessLog, 'utf8')),
    output: () => output,
    stop,
  };
}

function parseAccessLog(text: string): BalancedRequest[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [method, path, status, ...upstreams] = line.split(' ');
      return { method, path, status: Number(status), upstreams: upstreams.join('').split(',') };
    });
}

async function waitUntilListening(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (accepted) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('not listening within 10 s');
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // SIGQUIT: nginx's graceful stop.
  child.kill('SIGQUIT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
