import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, stdTimeFunctions, type DestinationStream, type LevelWithSilent } from 'pino';
import type { Options } from 'pino-http';
import type { LogLevel } from '@oauth/config';
import {
  REDACTED_PATHS,
  REDACTION_CENSOR,
  serializeError,
  serializeRequest,
  serializeResponse,
  withoutQuery,
} from './log-redaction';
import { requestIdFor } from './request-id';

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

/** Scraped every few seconds: not worth a line each. They still get a request id. */
const QUIET_PATHS = /^\/(health\/(live|ready)|metrics)$/;

/** One JSON object per line, with ISO times and level names, for whatever collects stdout. */
export function createRootLogger({ service, level, destination }: LoggingOptions) {
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

/** pino-http: one line per answered request, and a `request_id` on every line logged while serving it. */
export function httpLoggerOptions(options: LoggingOptions): Options {
  return {
    logger: createRootLogger(options),
    // Fastify's genReqId (requestIdFor) made the id and middie copied it onto the raw request.
    genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id?: string }).id ?? requestIdFor(request),
    customAttributeKeys: { reqId: 'request_id' },
    // Lines logged while serving carry only the id; the request itself is described once, on completion.
    quietReqLogger: true,
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    customLogLevel: (_request: IncomingMessage, response: ServerResponse, error?: Error) =>
      error || response.statusCode >= 500 ? 'error' : 'info',
    autoLogging: { ignore: (request: IncomingMessage) => QUIET_PATHS.test(withoutQuery(request.url) ?? '') },
  };
}
