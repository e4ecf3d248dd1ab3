import { Inject, Injectable } from '@nestjs/common';
import type { ClientApiConfig } from '@oauth/config';
import { requestIdHeaders } from '@oauth/logging';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import type { ClientCredentials } from '../credentials/client-credentials';
import { ClientCredentialsSource } from '../credentials/client-credentials.source';
import { describeFetchFailure, upstreamError } from '../upstream/upstream.error';
import { ClientAssertionSigner } from './client-assertion.signer';
import { clientSecretBasic } from './client-secret-basic';
import { TokenRequestRefusedError } from './token-request-refused.error';
import { tokenErrorSchema, tokenResponseSchema, type TokenResponse } from './token-response';

/** The grants this client uses, as their token request parameters (RFC 6749 §4.4.2, §6, §4.1.3 with RFC 7636 §4.5). */
export type TokenGrant =
  | { grant_type: 'client_credentials'; scope: string }
  | { grant_type: 'refresh_token'; refresh_token: string }
  | { grant_type: 'authorization_code'; code: string; redirect_uri: string; code_verifier: string };

const SERVICE = 'authorization server';

/** How one token request authenticates the client: a header, body parameters, or both. */
interface ClientAuthentication {
  headers: Record<string, string>;
  params: Record<string, string>;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Sends token requests to `{authServerUrl}/token`, authenticated with client_secret_basic or, when configured,
 * private_key_jwt.
 */
@Injectable()
export class TokenEndpointClient {
  private readonly tokenEndpoint: string;
  private readonly signer?: ClientAssertionSigner;

  constructor(
    @Inject(CLIENT_API_CONFIG) private readonly config: ClientApiConfig,
    private readonly credentials: ClientCredentialsSource,
  ) {
    this.tokenEndpoint = `${config.authServerUrl}/token`;
    if (config.clientAuthentication.method === 'private_key_jwt')
      this.signer = ClientAssertionSigner.fromConfig(config);
  }

  async request(grant: TokenGrant): Promise<TokenResponse> {
    if (this.signer) {
      // RFC 7523 §2.2: a fresh assertion per request; the server refuses a jti it has seen.
      const assertion = await this.signer.sign();
      return this.send(grant, {
        headers: {},
        params: { client_assertion_type: JWT_BEARER, client_assertion: assertion },
      });
    }
    try {
      return await this.send(grant, secretAuthentication(await this.credentials.current()));
    } catch (error) {
      if (!(error instanceof TokenRequestRefusedError) || error.code !== 'invalid_client') throw error;
      // The auth server may have regenerated the demo credentials since they were read.
      const reloaded = await this.credentials.reload();
      if (!reloaded) throw error;
      return this.send(grant, secretAuthentication(reloaded));
    }
  }

  private async send(grant: TokenGrant, authentication: ClientAuthentication): Promise<TokenResponse> {
    const timeoutMs = this.config.http.timeoutMs;
    let response: Response;
    let body: unknown;
    try {
      response = await fetch(this.tokenEndpoint, {
        method: 'POST',
        headers: {
          ...authentication.headers,
          ...requestIdHeaders(),
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ ...grant, ...authentication.params }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.json().catch(() => undefined);
    } catch (error) {
      throw upstreamError(describeFetchFailure(SERVICE, error, timeoutMs));
    }
    return response.ok ? this.toTokenResponse(body) : this.toRefusal(response.status, body);
  }

  private toTokenResponse(body: unknown): TokenResponse {
    const parsed = tokenResponseSchema.safeParse(body);
    if (!parsed.success) throw upstreamError(`The ${SERVICE} answered with an unusable token response`);
    return parsed.data;
  }

  private toRefusal(status: number, body: unknown): never {
    const parsed = tokenErrorSchema.safeParse(body);
    if (!parsed.success) throw upstreamError(`The ${SERVICE} answered the token request with status ${status}`);
    throw new TokenRequestRefusedError(parsed.data.error, parsed.data.error_description);
  }
}

function secretAuthentication(credentials: ClientCredentials): ClientAuthentication {
  return { headers: { authorization: clientSecretBasic(credentials) }, params: {} };
}
