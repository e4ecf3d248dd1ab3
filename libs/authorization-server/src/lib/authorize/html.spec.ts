import { createHash } from 'node:crypto';
import { markup } from '@oauth/html';
import { contentSecurityPolicy, page } from './html';

describe('html', () => {
  it('builds a policy with no script, no framing, and forms only to the given targets', () => {
    const policy = contentSecurityPolicy(['https://client.example']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://client.example");
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
  });

  it('allows exactly the stylesheet the pages carry (a mismatch leaves them unstyled)', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(page('title', markup`<p>body</p>`))?.[1] ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(contentSecurityPolicy([])).toContain(`style-src 'sha256-${hash}'`);
  });
});
