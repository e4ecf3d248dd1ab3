import { hash } from 'bcryptjs';
import { UserRepository } from '../../src/lib/users/user.repository';
import type { RunningAuthServer, TestClient } from '../support/auth-server.fixture';
import { Browser, hiddenField, type Page } from '@oauth/testing';
import { pkcePair } from '../support/pkce-pair';

export const REDIRECT_URI = 'https://web.example.test/callback';

export const webClient: TestClient = {
  clientId: 'web',
  secret: 'web-secret',
  grantTypes: ['authorization_code', 'refresh_token'],
  scope: 'other.read other.write server.admin',
  redirectUris: [REDIRECT_URI, 'https://web.example.test/other?x=1'],
};

export const machineClient: TestClient = {
  clientId: 'machine',
  secret: 'machine-secret',
  grantTypes: ['client_credentials'],
  scope: 'other.read',
  redirectUris: [REDIRECT_URI],
};

export const alice = { username: 'alice', password: 'correct horse battery staple' };

/** Creates a user; returns their id. */
export async function createUser(server: RunningAuthServer, user: { username: string; password: string }) {
  return (await server.app.get(UserRepository).savePassword(user.username, await hash(user.password, 4))).id;
}

/** An authorization request URL for the web client, with `overrides` (undefined removes a parameter). */
export function authorizeUrl(server: RunningAuthServer, overrides: Record<string, string | undefined> = {}) {
  const params: Record<string, string | undefined> = {
    response_type: 'code',
    client_id: webClient.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'other.read',
    state: 'state-123',
    code_challenge: pkcePair().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const query = new URLSearchParams(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return `${server.url}/authorize?${query}`;
}

/** Submits the login form shown on `loginPage`. */
export function submitLogin(browser: Browser, server: RunningAuthServer, loginPage: Page, user = alice) {
  return browser.post(`${server.url}/authorize/login`, {
    authorization_request: hiddenField(loginPage, 'authorization_request'),
    csrf_token: hiddenField(loginPage, 'csrf_token'),
    username: user.username,
    password: user.password,
  });
}

/** Submits the consent form shown on `consentPage`. */
export function submitConsent(browser: Browser, server: RunningAuthServer, consentPage: Page, decision: string) {
  return browser.post(`${server.url}/authorize/consent`, {
    authorization_request: hiddenField(consentPage, 'authorization_request'),
    csrf_token: hiddenField(consentPage, 'csrf_token'),
    decision,
  });
}

/** Runs the whole flow (login, consent) for `url`; returns the final redirect to the client. */
export async function obtainCode(browser: Browser, server: RunningAuthServer, url: string, user = alice) {
  const login = await browser.get(url);
  const afterLogin = await submitLogin(browser, server, login, user);
  const consent = await browser.get(afterLogin.location!.toString());
  if (consent.status !== 200) return consent;
  return submitConsent(browser, server, consent, 'allow');
}
