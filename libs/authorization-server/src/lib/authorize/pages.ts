import type { RegisteredClient } from '../clients/registered-client';
import { Html, markup } from '@oauth/html';
import { page } from './html';
import type { AuthorizationRequest } from './authorization-request';
import { describeScope } from './scope-descriptions';

const clientLabel = (client: RegisteredClient) => client.clientName ?? client.clientId;

/** Hidden fields every form of the flow posts back: the request itself and the session's CSRF token. */
function flowFields(request: AuthorizationRequest, csrfToken: string): Html {
  return markup`<input type="hidden" name="authorization_request" value="${request.queryString}" />
    <input type="hidden" name="csrf_token" value="${csrfToken}" />`;
}

export function loginPage(request: AuthorizationRequest, csrfToken: string, message?: string): string {
  const notice = message ? markup`<p class="error" role="alert">${message}</p>` : markup``;
  return page(
    'Sign in',
    markup`<h1>Sign in</h1>
      <p><strong>${clientLabel(request.client)}</strong> wants to access your account.</p>
      ${notice}
      <form method="post" action="/authorize/login">
        ${flowFields(request, csrfToken)}
        <label for="username">Username</label>
        <input type="text" id="username" name="username" autocomplete="username" required autofocus />
        <label for="password">Password</label>
        <input type="password" id="password" name="password" autocomplete="current-password" required />
        <button type="submit">Sign in</button>
      </form>`,
  );
}

export function consentPage(request: AuthorizationRequest, csrfToken: string): string {
  const scopes = request.granted.scopes
    .values()
    .map((scope) => markup`<li>${describeScope(scope)} <code>${scope}</code></li>`);
  return page(
    'Allow access?',
    markup`<h1>Allow access?</h1>
      <p><strong>${clientLabel(request.client)}</strong> asks to act for you with these permissions:</p>
      <ul class="scopes">
        ${scopes}
      </ul>
      <form method="post" action="/authorize/consent">
        ${flowFields(request, csrfToken)}
        <button type="submit" name="decision" value="allow">Allow</button>
        <button type="submit" name="decision" value="deny" class="secondary">Deny</button>
      </form>`,
  );
}

export function errorPage(description: string): string {
  return page(
    'Sign-in error',
    markup`<h1>This request cannot be completed</h1>
      <p class="error" role="alert">${description}</p>
      <p>Go back to the application and start again.</p>`,
  );
}

export interface ConsentListing {
  client: RegisteredClient;
  scopes: string[];
}

export function consentsPage(consents: ConsentListing[], csrfToken: string): string {
  const items = consents.map(
    ({ client, scopes }) =>
      markup`<li>
        <strong>${clientLabel(client)}</strong>: ${scopes.join(', ')}
        <form method="post" action="/authorize/consents/revoke">
          <input type="hidden" name="csrf_token" value="${csrfToken}" />
          <input type="hidden" name="client_id" value="${client.clientId}" />
          <button type="submit" class="secondary">Revoke</button>
        </form>
      </li>`,
  );
  const list =
    items.length > 0
      ? markup`<ul class="scopes">
          ${items}
        </ul>`
      : markup`<p>You have not allowed any application.</p>`;
  return page(
    'Your consents',
    markup`<h1>Applications you allowed</h1>
      ${list}`,
  );
}
