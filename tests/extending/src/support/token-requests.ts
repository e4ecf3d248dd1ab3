import { hash } from 'bcryptjs';

/** RFC 6749 §2.3.1: Basic credentials, each part form-url-encoded first. */
export function basic(clientId: string, secret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** A client to declare in the CLIENTS setting of the default (Postgres) client registry. */
export async function declaredClients(
  clients: { clientId: string; secret: string; grantTypes: string[]; scope: string }[],
): Promise<string> {
  return JSON.stringify(
    await Promise.all(
      clients.map(async (client) => ({
        client_id: client.clientId,
        client_secret_hash: await hash(client.secret, 11),
        grant_types: client.grantTypes,
        scope: client.scope,
      })),
    ),
  );
}

/** POSTs a form to the token endpoint; the parsed JSON body and the status. */
export async function postForm(
  url: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** GETs JSON. */
export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
