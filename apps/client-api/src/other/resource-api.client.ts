import { Inject, Injectable } from '@nestjs/common';
import type { ClientApiConfig } from '@oauth/config';
import { requestIdHeaders } from '@oauth/logging';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import { TokenProvider } from '../token/token-provider';
import { describeFetchFailure, upstreamError } from '../upstream/upstream.error';

/** The audience the resource API accepts tokens for (the `other` in `other.read`). */
export const RESOURCE_API_AUDIENCE = 'other';

/** The resource API's answer, passed on to this app's caller as it came. */
export interface ResourceApiAnswer {
  status: number;
  body: unknown;
}

interface RawAnswer extends ResourceApiAnswer {
  challenge: string | null;
}

const SERVICE = 'resource API';

/** Calls the resource API with a bearer token (RFC 6750 §2.1) on this client's own behalf. */
@Injectable()
export class ResourceApiClient {
  constructor(
    @Inject(CLIENT_API_CONFIG) private readonly config: ClientApiConfig,
    private readonly tokens: TokenProvider,
  ) {}

  async get(path: string): Promise<ResourceApiAnswer> {
    const token = await this.tokens.accessTokenFor(RESOURCE_API_AUDIENCE);
    const first = await this.send(path, token);
    if (!isInvalidToken(first)) return withoutChallenge(first);
    // RFC 6750 §3.1: this token will never work again (e.g. its signing key was revoked); a new one might. Once.
    this.tokens.invalidate(RESOURCE_API_AUDIENCE, token);
    return withoutChallenge(await this.send(path, await this.tokens.accessTokenFor(RESOURCE_API_AUDIENCE)));
  }

  /** A GET with a token the caller holds (a signed-in person's, or a console role's), answered as it came. */
  async getWithToken(path: string, token: string): Promise<ResourceApiAnswer> {
    return withoutChallenge(await this.send(path, token));
  }

  private async send(path: string, token: string): Promise<RawAnswer> {
    const timeoutMs = this.config.http.timeoutMs;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.config.resourceApiUrl}${path}`, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...requestIdHeaders() },
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw upstreamError(describeFetchFailure(SERVICE, error, timeoutMs));
    }
    return {
      status: response.status,
      body: parseJson(text, response.status),
      challenge: response.headers.get('www-authenticate'),
    };
  }
}

function parseJson(text: string, status: number): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw upstreamError(`The ${SERVICE} answered with status ${status} and a body that is not JSON`);
  }
}

function isInvalidToken({ status, body, challenge }: RawAnswer): boolean {
  if (status !== 401) return false;
  const bodyError = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return bodyError === 'invalid_token' || /error="invalid_token"/.test(challenge ?? '');
}

const withoutChallenge = ({ status, body }: RawAnswer): ResourceApiAnswer => ({ status, body });
