/** One answer as a browser sees it, without following redirects. */
export interface Page {
  status: number;
  body: string;
  /** The Location header resolved against the request URL, when there is one. */
  location: URL | null;
}

/** A minimal browser: keeps cookies by name (the services' cookie names differ), never follows redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();

  get(url: string, headers: Record<string, string> = {}): Promise<Page> {
    return this.send(url, { method: 'GET', headers });
  }

  post(url: string, form: Record<string, string>): Promise<Page> {
    return this.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
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
      const pair = header.split(';')[0];
      this.cookies.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
    const location = response.headers.get('location');
    return {
      status: response.status,
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
