import { createHash } from 'node:crypto';
import { Html, markup } from '@oauth/html';

const STYLE = `
body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1d2330; margin: 0; }
main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
  box-shadow: 0 1px 4px rgba(0, 0, 0, .12); }
h1 { font-size: 1.4rem; margin-top: 0; }
label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: .5rem; font-size: 1rem; }
button { margin-top: 1.2rem; padding: .55rem 1.2rem; font-size: 1rem; border-radius: 4px; border: 1px solid #1d4ed8;
  background: #1d4ed8; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1d4ed8; margin-left: .5rem; }
.error { background: #fde8e8; color: #9b1c1c; padding: .6rem .8rem; border-radius: 4px; }
ul.scopes li { margin: .4rem 0; }
code { background: #eef0f4; padding: 0 .25rem; border-radius: 3px; }
`;

/** CSP allows exactly this stylesheet (by hash): no other style, and no script at all. */
const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** The Content-Security-Policy of a page whose forms may post to `formTargets` (and redirect there). */
export function contentSecurityPolicy(formTargets: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    `form-action 'self'${formTargets.map((target) => ` ${target}`).join('')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** A complete page around `body`. */
export function page(title: string, body: Html): string {
  return markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new Html(STYLE)}</style>
</head>
<body><main>
${body}
</main></body>
</html>
`.value;
}
