/** One HTTP answer as a browser sees it, without following redirects. */
export interface Page {
  status: number;
  headers: Headers;
  body: string;
  /** The Location header resolved against the request URL, when there is one. */
  location: URL | null;
}

/**
 * A minimal browser for tests that walk HTML flows: keeps cookies by name (dropping those a response expires),
 * never follows redirects.
 */
export class Browser {
  /** The cookies it would send now, by name. */
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie header received, as sent. */
  readonly setCookies: string[] = [];

  get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.send(url, { method: 'GET', headers });
  }

  post(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<Page> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  private async send(url: string, init: RequestInit & { headers: Record<string, string> }): Promise<Page> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, ...(cookie ? { cookie } : {}) },
    });
    for (const header of response.headers.getSetCookie()) {
      this.setCookies.push(header);
      const [pair, ...attributes] = header.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      const expired = attributes.some((attribute) => /^\s*max-age=0$/i.test(attribute)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      location: location === null ? null : new URL(location, url),
    };
  }
}

/** The value of a hidden form field on a page, unescaped. */
export function hiddenField(page: Page, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page.body);
  if (!match) throw new Error(`No field ${name} on the page:\n${page.body}`);
  return match[1]
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Where a redirect points; fails the test when the answer is not one. */
export function redirectOf(page: Page): URL {
  if (!page.location) throw new Error(`Expected a redirect, got ${page.status}:\n${page.body}`);
  return page.location;
}

/** Response parameters of a redirect, as an object. */
export function paramsOf(location: URL | null): Record<string, string> {
  if (!location) throw new Error('Expected a redirect');
  return Object.fromEntries(location.searchParams);
}
