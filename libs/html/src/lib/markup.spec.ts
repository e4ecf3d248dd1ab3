import { escapeHtml, Html, markup } from './markup';

describe('markup', () => {
  it('escapes every interpolated string', () => {
    expect(markup`<p title="${'"x"'}">${'<script>&'}</p>`.value).toBe(
      '<p title="&quot;x&quot;">&lt;script&gt;&amp;</p>',
    );
    expect(escapeHtml("'")).toBe('&#39;');
  });

  it('keeps Html values and lists of them as they are', () => {
    const items = [new Html('<li>a</li>'), markup`<li>${'<b>'}</li>`];
    expect(markup`<ul>${items}</ul>`.value).toBe('<ul><li>a</li><li>&lt;b&gt;</li></ul>');
  });
});
