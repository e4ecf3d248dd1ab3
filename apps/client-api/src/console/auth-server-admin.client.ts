import { Inject, Injectable } from '@nestjs/common';
import type { ClientApiConfig } from '@oauth/config';
import { requestIdHeaders } from '@oauth/logging';
import { CLIENT_API_CONFIG } from '../config/client-api-config.token';
import { describeFetchFailure, upstreamError } from '../upstream/upstream.error';

/** The auth server's answer, passed on to this app's caller as it came. */
export interface AdminAnswer {
  status: number;
  body: unknown;
}

const SERVICE = 'authorization server';

/** Calls the auth server's operator endpoints (scope `server.admin`) with a bearer token. */
@Injectable()
export class AuthServerAdminClient {
  constructor(@Inject(CLIENT_API_CONFIG) private readonly config: ClientApiConfig) {}

  async post(path: string, token: string, body?: unknown): Promise<AdminAnswer> {
    const timeoutMs = this.config.http.timeoutMs;
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${this.config.authServerUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/json',
          ...requestIdHeaders(),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw upstreamError(describeFetchFailure(SERVICE, error, timeoutMs));
    }
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      throw upstreamError(`The ${SERVICE} answered with status ${response.status} and a body that is not JSON`);
    }
  }
}
