import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The repository root, where `dist/apps/*` are built. */
export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');

export type ServiceName = 'auth-server' | 'resource-api' | 'client-api';

/** One built service running as its own process, as `npm start` or a container runs it. */
export interface ServiceProcess {
  name: ServiceName;
  url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Sends a signal, e.g. SIGTERM to watch the process shut down by itself. */
  signal(name: NodeJS.Signals): void;
  /** Resolves once the process has exited, with its exit code (null when a signal killed it). */
  exited(): Promise<number | null>;
  stop(): Promise<void>;
}

/** Starts `dist/apps/<name>/main.js` with exactly `env` (plus PATH) and waits until it answers. */
export async function startService(
  name: ServiceName,
  port: number,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist', 'apps', name, 'main.js')], {
    cwd: WORKSPACE_ROOT,
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    name,
    url,
    output: () => output,
    signal: (signal) => child.kill(signal),
    exited: () => exit,
    stop: () => stopProcess(child),
  };
  try {
    await waitUntilLive(url, child);
  } catch (error) {
    await service.stop();
    throw new Error(`${name} did not start: ${(error as Error).message}\n${output}`);
  }
  return service;
}

async function waitUntilLive(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no answer on /health/live within 60 s');
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
