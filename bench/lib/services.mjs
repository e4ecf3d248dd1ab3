// Starting and stopping the measured servers, each as its own process with the probe preloaded.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const PROBE = join(ROOT, 'bench', 'lib', 'probe.cjs');

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `script` with exactly `env` (plus PATH) and waits for `/health/live`. The returned handle measures the
 * process between `probeStart()` and `probeStop()`.
 */
export async function startServer(name, script, port, env) {
  const child = spawn(process.execPath, ['--require', PROBE, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const server = {
    name,
    url,
    pid: child.pid,
    output: () => output,
    probeStart: () => ask(child, 'start', 'started'),
    probeStop: () => ask(child, 'stop', 'stopped'),
    stop: () => stopProcess(child),
  };
  try {
    await waitUntilLive(url, child);
  } catch (error) {
    await server.stop();
    throw new Error(`${name} did not start: ${error.message}\n${output}`);
  }
  return server;
}

function ask(child, command, answer) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${answer} from the probe`)), 5_000);
    const onMessage = (message) => {
      if (message?.probe !== answer) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.send({ probe: command });
  });
}

async function waitUntilLive(url, child) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/health/live`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no answer on /health/live within 60 s');
}

async function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Runs the load generator in its own process and returns its JSON summary. */
export function runLoad(plan) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bench', 'lib', 'load.mjs'), JSON.stringify(plan)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`load generator printed no summary: ${out.slice(0, 200)}`));
      }
    });
  });
}
