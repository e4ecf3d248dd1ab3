import { Injectable } from '@nestjs/common';
import { OAuthError } from '@oauth/oauth-errors';
import { ClientRegistry } from '../clients/client-registry';
import type { RegisteredClient } from '../clients/registered-client';
import { S256_CODE_CHALLENGE } from '../token/pkce';
import { ScopePolicy, type GrantedScope } from '../token/scope-policy';
import { AuthorizationPageError, AuthorizationRedirectError } from './authorization-errors';
import type { AuthorizationRequest, VerifiedRedirect } from './authorization-request';

/** Scopes a person cannot hand to a client: administering this server is for operators' clients only. */
const NOT_DELEGABLE = ['server.admin'];

/**
 * Checks an authorization request in order. Until the client and its redirect URI are verified, errors
 * are pages (AuthorizationPageError); afterwards they go back to the client (AuthorizationRedirectError).
 */
@Injectable()
export class AuthorizationRequestValidator {
  constructor(
    private readonly clients: ClientRegistry,
    private readonly scopePolicy: ScopePolicy,
  ) {}

  /** Verifies only the client and the redirect URI: where may an answer go? */
  async verifyRedirect(params: URLSearchParams): Promise<VerifiedRedirect & { client: RegisteredClient }> {
    const client = await this.findClient(params);
    const redirectUri = verifyRedirectUri(params, client);
    const states = params.getAll('state');
    return { client, redirectUri, state: states.length === 1 ? states[0] : undefined };
  }

  async validate(params: URLSearchParams): Promise<AuthorizationRequest> {
    const { client, redirectUri, state } = await this.verifyRedirect(params);
    rejectDuplicateParameters(params);
    checkResponseType(params);
    checkGrantAllowed(client);
    const codeChallenge = checkPkce(params);
    const granted = await this.grantScope(params, client);
    return { client, redirectUri, state, granted, codeChallenge, queryString: params.toString() };
  }

  private async findClient(params: URLSearchParams): Promise<RegisteredClient> {
    const ids = params.getAll('client_id');
    if (ids.length !== 1 || ids[0] === '')
      throw new AuthorizationPageError('The request must name exactly one client.');
    const client = await this.clients.findById(ids[0]);
    if (!client) throw new AuthorizationPageError('The application that sent you here is not registered.');
    return client;
  }

  private async grantScope(params: URLSearchParams, client: RegisteredClient): Promise<GrantedScope> {
    let granted: GrantedScope;
    try {
      granted = await this.scopePolicy.grant({
        requested: params.get('scope') ?? undefined,
        client,
        grantType: 'authorization_code',
      });
    } catch (error) {
      if (error instanceof OAuthError) throw new AuthorizationRedirectError('invalid_scope', error.description);
      throw error;
    }
    const notDelegable = granted.scopes.values().filter((scope) => NOT_DELEGABLE.includes(scope));
    if (notDelegable.length > 0) {
      throw new AuthorizationRedirectError('invalid_scope', `${notDelegable.join(' ')} cannot be granted by a user`);
    }
    return granted;
  }
}

/** RFC 6749 §3.1.2.3 and RFC 9700 §4.1.3: an exact string match with a registered URI, nothing looser. */
function verifyRedirectUri(params: URLSearchParams, client: RegisteredClient): string {
  const uris = params.getAll('redirect_uri');
  if (uris.length !== 1 || uris[0] === '') {
    throw new AuthorizationPageError('The request must carry exactly one redirect_uri.');
  }
  if (!client.redirectUris.includes(uris[0])) {
    throw new AuthorizationPageError('The redirect_uri is not registered for this application.');
  }
  return uris[0];
}

/** RFC 6749 §3.1: request and response parameters must not be included more than once. */
function rejectDuplicateParameters(params: URLSearchParams): void {
  const names = [...params.keys()];
  const repeated = names.find((name, index) => names.indexOf(name) !== index);
  if (repeated !== undefined)
    throw new AuthorizationRedirectError('invalid_request', `The parameter ${repeated} is repeated`);
}

function checkResponseType(params: URLSearchParams): void {
  const responseType = params.get('response_type');
  if (!responseType) throw new AuthorizationRedirectError('invalid_request', 'The parameter response_type is missing');
  // OAuth 2.1 keeps only the code response type; the implicit `token` is gone.
  if (responseType !== 'code') {
    throw new AuthorizationRedirectError('unsupported_response_type', 'Only response_type=code is supported');
  }
}

function checkGrantAllowed(client: RegisteredClient): void {
  if (!client.grantTypes.includes('authorization_code')) {
    throw new AuthorizationRedirectError('unauthorized_client', 'The client may not use the authorization_code grant');
  }
}

/** OAuth 2.1 §4.1.1: PKCE for every client, and only S256 (RFC 7636 §4.4.1 answers invalid_request). */
function checkPkce(params: URLSearchParams): string {
  const challenge = params.get('code_challenge');
  if (!challenge)
    throw new AuthorizationRedirectError('invalid_request', 'PKCE is required: code_challenge is missing');
  if (params.get('code_challenge_method') !== 'S256') {
    throw new AuthorizationRedirectError('invalid_request', 'code_challenge_method must be S256');
  }
  if (!S256_CODE_CHALLENGE.test(challenge)) {
    throw new AuthorizationRedirectError('invalid_request', 'code_challenge must be 43 base64url characters (S256)');
  }
  return challenge;
}
