/** Collects, instead of printing, what the process writes to stdout and stderr (where the logs go). */
export function captureOutput(): { text: () => string; messages: () => string[]; restore: () => void } {
  const chunks: string[] = [];
  const spies = [process.stdout, process.stderr].map((stream) =>
    jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }),
  );
  const text = () => chunks.join('');
  /** The `msg` of each JSON log line. */
  const messages = () =>
    text()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => (JSON.parse(line) as { msg?: string }).msg ?? '');
  return { text, messages, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}
