/** A JSON answer: status and parsed body. */
export interface JsonAnswer {
  status: number;
  body: Record<string, unknown>;
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** POSTs a form to a token endpoint with Basic client authentication (RFC 6749 §2.3.1). */
export async function postToken(
  tokenUrl: string,
  clientId: string,
  secret: string,
  form: Record<string, string>,
): Promise<JsonAnswer> {
  const response = await fetch(tokenUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`,
    },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
