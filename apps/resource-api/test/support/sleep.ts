/** Waits out jose's re-fetch cooldown (JWKS_REFETCH_COOLDOWN=1 in these specs); no assertion depends on timing. */
export const waitPastCooldown = () => new Promise((resolve) => setTimeout(resolve, 1_100));
