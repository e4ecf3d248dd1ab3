/** A client assertion failed a check. `reason` is for the operator's log only, never for the caller. */
export class ClientAssertionRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ClientAssertionRejectedError';
  }
}
