import type { AuthServerConfig } from '@oauth/config';

/** Clock skew between this server and resource servers that a retired key's publication must outlast. */
const CLOCK_SKEW_SECONDS = 60;

/**
 * How long a key stays published after it stopped signing: the longest-lived token it signed, plus
 * skew, plus one key refresh (an instance may sign with it until its next reload).
 */
export function retiredKeyHorizonSeconds(config: AuthServerConfig): number {
  return config.tokens.accessTokenTtlSeconds + CLOCK_SKEW_SECONDS + config.keys.refreshIntervalSeconds;
}
