import { decodeProtectedHeader, type JSONWebKeySet } from 'jose';
import { basic, postForm, type TestClient } from './auth-server.fixture';

/** A client allowed the operator scope, for the admin endpoints. */
export const OPERATOR: TestClient = {
  clientId: 'operator',
  secret: 'operator-secret',
  grantTypes: ['client_credentials'],
  scope: 'server.admin server.user other.read',
};

/** An access token from the client_credentials grant. */
export async function clientCredentialsToken(url: string, client: TestClient, scope: string): Promise<string> {
  const response = await postForm(
    `${url}/token`,
    { grant_type: 'client_credentials', scope },
    { authorization: basic(client.clientId, client.secret) },
  );
  if (response.status !== 200) throw new Error(`token request failed: ${JSON.stringify(response.body)}`);
  return response.body['access_token'] as string;
}

export const kidOf = (token: string): string => decodeProtectedHeader(token).kid as string;

export async function fetchJwks(url: string): Promise<{ jwks: JSONWebKeySet; cacheControl: string | null }> {
  const response = await fetch(`${url}/.well-known/jwks.json`);
  return { jwks: (await response.json()) as JSONWebKeySet, cacheControl: response.headers.get('cache-control') };
}

export const publishedKids = async (url: string): Promise<string[]> =>
  (await fetchJwks(url)).jwks.keys.map((key) => key.kid as string);

/** POSTs to an operator endpoint with a bearer token and an optional JSON body. */
export async function postAdmin(
  url: string,
  token: string | undefined,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Polls `probe` until it returns a value other than undefined; fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
