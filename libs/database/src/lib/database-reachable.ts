import type { DataSource } from 'typeorm';

/** Whether a trivial query answers within `timeoutMs`: what a readiness check needs to know. */
export async function isDatabaseReachable(dataSource: DataSource, timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
  const probe = dataSource.query('SELECT 1').then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
