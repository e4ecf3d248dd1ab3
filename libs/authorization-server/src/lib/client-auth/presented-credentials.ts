/** The parts of a token, revocation or introspection request that client authentication reads. */
export interface ClientAuthenticationRequest {
  authorization: string | undefined;
  params: Readonly<Record<string, string>>;
}

/** A request to authenticate, with where it comes from. */
export interface ClientAuthenticationAttempt extends ClientAuthenticationRequest {
  /** Fastify's request.ip (X-Forwarded-For only from a trusted proxy), for the limits of docs/adr/0013. */
  sourceAddress: string;
}

/** A client_id and secret as the client presented them (RFC 6749 §2.3.1). */
export interface PresentedSecret {
  method: 'client_secret_basic' | 'client_secret_post';
  clientId: string;
  secret: string;
}

/** A signed JWT the client presented to prove it holds a registered key (RFC 7523 §2.2). */
export interface PresentedAssertion {
  method: 'private_key_jwt';
  /** The client the assertion claims to come from; only verified once the signature is. */
  clientId: string;
  assertion: string;
}

/** What one authentication method read from a request. */
export type PresentedCredentials = PresentedSecret | PresentedAssertion;

/** One client authentication method (RFC 6749 §2.3): recognises its own request shape and reads it. */
export interface ClientAuthenticationMethod {
  readonly name: PresentedCredentials['method'];
  isUsedBy(request: ClientAuthenticationRequest): boolean;
  read(request: ClientAuthenticationRequest): PresentedCredentials;
}
