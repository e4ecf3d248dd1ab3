import { hostname } from 'node:os';
import { pino, stdTimeFunctions, type DestinationStream, type LevelWithSilent, type Logger } from 'pino';
import type { LogLevel } from '@oauth/config';
import { REDACTED_PATHS, REDACTION_CENSOR, serializeError } from './log-redaction';

export interface LoggingOptions {
  /** The `service` field of every line: which of the three services wrote it. */
  service: string;
  /** LOG_LEVEL, in Nest's words. */
  level: LogLevel;
  /** Where JSON lines go: stdout, unless a test captures them. */
  destination?: DestinationStream;
}

const PINO_LEVELS: Record<LogLevel, LevelWithSilent> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Injection token for the service's root pino logger. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');

/** One JSON object per line, with ISO times and level names, for whatever collects stdout. */
export function createRootLogger({ service, level, destination }: LoggingOptions): Logger {
  return pino(
    {
      level: PINO_LEVELS[level],
      base: { service, pid: process.pid, hostname: hostname() },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
    },
    destination ?? process.stdout,
  );
}
