import type { z } from 'zod';

/** A setting is missing or malformed; the message names it in one line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Environment = Record<string, string | undefined>;

/**
 * Validates the environment against an app's schema and maps it to the app's typed config.
 * Throws a ConfigError naming the first bad variable; the value itself is never echoed,
 * since it may be a secret.
 */
export function loadConfig<S extends z.ZodType, C>(
  schema: S,
  env: Environment,
  toConfig: (values: z.output<S>) => C,
): C {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    const variable = issue.path.join('.') || 'environment';
    throw new ConfigError(`Invalid configuration: ${variable}: ${issue.message}`);
  }
  return toConfig(result.data);
}
