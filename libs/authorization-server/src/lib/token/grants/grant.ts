import type { RegisteredClient } from '../../clients/registered-client';
import type { TokenRequestParams } from '../token-request';
import type { TokenResponse } from '../token-response';

/** One grant type of the token endpoint (RFC 6749 §4). Adding a grant is one class and one entry in GRANTS. */
export interface Grant {
  readonly grantType: string;
  handle(params: TokenRequestParams, client: RegisteredClient): Promise<TokenResponse>;
}

/** Injection token for the list of grants the token endpoint dispatches to. */
export const GRANTS = Symbol('GRANTS');
