import { z } from 'zod';

// Parsers for single environment variables: explicit, so "0", "" or "yes" never mean something by accident.

export const nodeEnv = z.enum(['development', 'test', 'production']).default('development');

export const port = (fallback: number) =>
  z
    .string()
    .regex(/^\d{1,5}$/, 'expected a port number')
    .transform(Number)
    .pipe(z.number().int().min(0).max(65535, 'expected a port number'))
    .default(fallback);

/** A whole number of seconds (or bytes, or a count) within bounds. */
export const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min, `expected at least ${min}`).max(max, `expected at most ${max}`))
    .default(fallback);

export const httpUrl = z
  .string()
  .url('expected an http(s) URL')
  .refine((value) => /^https?:\/\//.test(value), 'expected an http(s) URL')
  .transform((value) => value.replace(/\/+$/, ''));

export const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'expected a postgres:// URL');

/** `true` or `false`, nothing else. */
export const flag = (fallback: boolean) =>
  z
    .enum(['true', 'false'], { error: 'expected true or false' })
    .transform((value) => value === 'true')
    .default(fallback);

export const nonEmpty = z.string().min(1, 'must not be empty');

/**
 * SHUTDOWN_TIMEOUT: seconds in-flight requests get to finish after SIGTERM before their connections are cut.
 * The default stays below `docker stop`'s 10 seconds, leaving time to close the database afterwards.
 */
export const shutdownTimeout = wholeNumber(5, 0, 300);

/** Unset and empty mean the same: not configured. */
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** Nest log levels, most severe first; a level includes every level above it. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
export const logLevel = z.enum(LOG_LEVELS).default('log');

/** The Nest logger levels to enable for a configured level: it and every more severe one. */
export function enabledLogLevels(level: LogLevel): LogLevel[] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
