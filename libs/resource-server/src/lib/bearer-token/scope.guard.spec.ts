import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { OAuthError } from '@oauth/oauth-errors';
import { ScopeSet } from '@oauth/scopes';
import { AccessTokenPrincipal } from './access-token-principal';
import { REQUIRED_SCOPES } from './required-scopes.metadata';
import { ScopeGuard } from './scope.guard';

const options = { realm: 'other' };

function contextFor(user: unknown, required: string[]): ExecutionContext {
  const handler = () => undefined;
  Reflect.defineMetadata(REQUIRED_SCOPES, required, handler);
  return {
    getHandler: () => handler,
    getClass: () => class Controller {},
    switchToHttp: () => ({ getRequest: () => ({ user }) }),
  } as unknown as ExecutionContext;
}

function rejection(run: () => unknown): OAuthError {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected the guard to reject');
}

describe('ScopeGuard', () => {
  const guard = new ScopeGuard(new Reflector(), options);
  const principal = (scope: string) =>
    new AccessTokenPrincipal('client', 'client', ScopeSet.parse(scope), 'jti-1', new Date());

  it('lets a token through that grants every required scope', () => {
    expect(guard.canActivate(contextFor(principal('other.read other.write'), ['other.write']))).toBe(true);
  });

  it('answers 403 insufficient_scope naming the missing scopes', () => {
    const error = rejection(() =>
      guard.canActivate(contextFor(principal('other.read'), ['other.read', 'other.write', 'other.admin'])),
    );
    expect(error.status).toBe(403);
    expect(error.error).toBe('insufficient_scope');
    expect(error.challenge).toBe(
      'Bearer realm="other", error="insufficient_scope", error_description="The token lacks the scope other.write other.admin", scope="other.write other.admin"',
    );
  });

  it('does not take a scope of another audience for this one', () => {
    expect(rejection(() => guard.canActivate(contextFor(principal('server.write'), ['other.write']))).status).toBe(403);
  });

  it('answers 401 without an error code when no principal was set', () => {
    const error = rejection(() => guard.canActivate(contextFor(undefined, ['other.write'])));
    expect(error.status).toBe(401);
    expect(error.challenge).toBe('Bearer realm="other"');
  });
});
