import { escapeHtml } from '@oauth/html';

export interface HomeView {
  signedIn: boolean;
  notice?: string;
  /** The resource API's answer to GET /user with the person's token. */
  resourceAnswer?: { status: number; body: unknown };
}

const STYLE = `body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; color: #1d2330; }
a.button { display: inline-block; padding: .5rem 1rem; background: #1d4ed8; color: #fff; border-radius: 4px;
  text-decoration: none; margin-right: .5rem; }
pre { background: #eef0f4; padding: 1rem; border-radius: 4px; }
.notice { background: #fde8e8; color: #9b1c1c; padding: .6rem .8rem; border-radius: 4px; }`;

/** The demo client's page: sign in, call the resource API as the signed-in person, see the answer. */
export function homePage(view: HomeView): string {
  const notice = view.notice ? `<p class="notice" role="alert">${escapeHtml(view.notice)}</p>` : '';
  const status = view.signedIn ? '<p id="status">You are signed in.</p>' : '<p id="status">You are not signed in.</p>';
  const answer = view.resourceAnswer
    ? `<h2>GET /user at the resource API: ${view.resourceAnswer.status}</h2>
<pre id="resource-answer">${escapeHtml(JSON.stringify(view.resourceAnswer.body, null, 2))}</pre>`
    : '';
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Demo client</title><style>${STYLE}</style></head>
<body>
<h1>Demo client</h1>
${notice}
${status}
<p><a class="button" href="/oauth/login">Sign in</a><a class="button" href="/?call=resource-api">Call the resource API</a></p>
${answer}
</body>
</html>
`;
}
