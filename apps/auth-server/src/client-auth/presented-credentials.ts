/** The parts of a token, revocation or introspection request that client authentication reads. */
export interface ClientAuthenticationRequest {
  authorization: string | undefined;
  params: Readonly<Record<string, string>>;
}

/** A client_id and secret as the client presented them. */
export interface PresentedSecret {
  method: 'client_secret_basic' | 'client_secret_post';
  clientId: string;
  secret: string;
}

/** One client authentication method (RFC 6749 §2.3): recognises its own request shape and reads it. */
export interface ClientAuthenticationMethod {
  readonly name: PresentedSecret['method'];
  isUsedBy(request: ClientAuthenticationRequest): boolean;
  read(request: ClientAuthenticationRequest): PresentedSecret;
}
