import { contentSecurityPolicy, escapeHtml, html, Html } from './html';

describe('html', () => {
  it('escapes every interpolated string', () => {
    expect(html`<p title="${'"x"'}">${'<script>&'}</p>`.value).toBe('<p title="&quot;x&quot;">&lt;script&gt;&amp;</p>');
    expect(escapeHtml("'")).toBe('&#39;');
  });

  it('keeps Html values and lists of them as they are', () => {
    expect(
      html`<ul>
        ${[new Html('<li>a</li>'), html`<li>${'<b>'}</li>`]}
      </ul>`.value,
    ).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  });

  it('builds a policy with no script, no framing, and forms only to the given targets', () => {
    const policy = contentSecurityPolicy(['https://client.example']);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://client.example");
    expect(policy).toMatch(/style-src 'sha256-[A-Za-z0-9+/]+=*'/);
  });
});
