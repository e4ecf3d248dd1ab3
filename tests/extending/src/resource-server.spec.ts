import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import request from 'supertest';
import { ProtectedApiModule } from './examples/protected-api.module';
import { startFakeAuthorizationServer, type FakeAuthorizationServer } from './support/fake-authorization-server';

const FEED_SECRET = 'billing-feed-secret';

// Nest's default platform (Express) and the one this repository's services run on (Fastify).
const adapters = [
  ['Express', () => new ExpressAdapter()],
  ['Fastify', () => new FastifyAdapter()],
] as const;

describe.each(adapters)('a third-party API protected by ResourceServerModule (%s)', (_name, adapter) => {
  let authorizationServer: FakeAuthorizationServer;
  let app: INestApplication;
  let revoked: { token: string; jti: string };

  beforeAll(async () => {
    authorizationServer = await startFakeAuthorizationServer('billing', FEED_SECRET);
    revoked = await authorizationServer.issue({ audience: 'billing', scope: 'billing.read' });
    // On the feed before the API starts: the first pull, at boot, already carries it.
    authorizationServer.denyList(revoked.jti);
    app = await NestFactory.create(
      ProtectedApiModule.forRoot({ issuer: authorizationServer.issuer, denyListSecret: FEED_SECRET }),
      adapter(),
      { logger: false },
    );
    await app.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await authorizationServer?.close();
  });

  const listInvoices = (token?: string) => {
    const call = request(app.getHttpServer()).get('/invoices');
    return token === undefined ? call : call.set('authorization', `Bearer ${token}`);
  };

  it('answers a token with the scope with 200 and hands the route the verified principal', async () => {
    const { token, jti } = await authorizationServer.issue({
      audience: 'billing',
      scope: 'billing.read billing.write',
      subject: 'user-42',
    });
    const response = await listInvoices(token);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      invoices: [],
      readBy: {
        clientId: 'billing-app',
        subject: 'user-42',
        scopes: ['billing.read', 'billing.write'],
        tokenId: jti,
        expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    });
  });

  it('answers a request without a token with 401 and a Bearer challenge without error code (RFC 6750 §3.1)', async () => {
    const response = await listInvoices();
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="billing"');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.body).toEqual({ error: 'invalid_token', error_description: 'A bearer token is required' });
  });

  it('answers a token without the scope with 403 insufficient_scope naming it (RFC 6750 §3.1)', async () => {
    const { token } = await authorizationServer.issue({ audience: 'billing', scope: 'billing.write' });
    const response = await listInvoices(token);
    expect(response.status).toBe(403);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="billing", error="insufficient_scope", error_description="The token lacks the scope billing.read", scope="billing.read"',
    );
    expect(response.body).toEqual({
      error: 'insufficient_scope',
      error_description: 'The token lacks the scope billing.read',
    });
  });

  it('refuses a token of another audience with 401 invalid_token (RFC 9068 §4)', async () => {
    const { token } = await authorizationServer.issue({ audience: 'other', scope: 'billing.read' });
    const response = await listInvoices(token);
    expect(response.status).toBe(401);
    expect(response.body.error_description).toBe('The access token is not intended for this resource server');
  });

  it('refuses a deny-listed token with 401 invalid_token (ADR 0006)', async () => {
    const response = await listInvoices(revoked.token);
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="billing", error="invalid_token", error_description="The access token has been revoked"',
    );
    expect(response.body).toEqual({ error: 'invalid_token', error_description: 'The access token has been revoked' });
  });

  it('reports the key set and the deny-list in its readiness check', async () => {
    const response = await request(app.getHttpServer()).get('/health/ready');
    expect(response.status).toBe(200);
    // The earlier tokens fetched the key set; the feed has answered.
    expect(response.body.details).toEqual({
      resource_server: { status: 'up', key_set: 'fresh', deny_list: 'fresh' },
    });
  });
});
