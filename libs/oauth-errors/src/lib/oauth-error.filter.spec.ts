import { BadRequestException, Controller, Get, NotFoundException, Post } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { OAuthErrorFilter } from './oauth-error.filter';
import { insufficientScope, invalidToken, missingToken } from './bearer.errors';
import { invalidClient, invalidGrant, slowDown, temporarilyUnavailable } from './token-endpoint.errors';

@Controller()
class ThrowingController {
  @Get('invalid-client-basic')
  invalidClientBasic() {
    throw invalidClient('Client authentication failed', 'token');
  }

  @Get('invalid-grant')
  invalidGrant() {
    throw invalidGrant('The refresh token is invalid');
  }

  @Get('missing-token')
  missingToken() {
    throw missingToken('other');
  }

  @Get('invalid-token')
  invalidToken() {
    throw invalidToken('other', 'The token has "expired"');
  }

  @Get('insufficient-scope')
  insufficientScope() {
    throw insufficientScope('other', 'other.write');
  }

  @Get('unavailable')
  unavailable() {
    throw temporarilyUnavailable('Try later', 7);
  }

  @Get('slow-down')
  slowDown() {
    throw slowDown('Too many failed attempts', 120);
  }

  @Get('nest-400')
  nestBadRequest() {
    throw new BadRequestException('Bad thing');
  }

  @Get('nest-404')
  nestNotFound() {
    throw new NotFoundException();
  }

  @Get('crash')
  crash() {
    throw new Error('database password is hunter2 at /srv/app.js:10');
  }

  @Post('json')
  json() {
    return { ok: true };
  }
}

describe('OAuthErrorFilter', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [ThrowingController],
      providers: [{ provide: APP_FILTER, useClass: OAuthErrorFilter }],
    }).compile();
    moduleRef.useLogger(false);
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: 100 }));
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  const get = (url: string) => app.inject({ method: 'GET', url });

  it('writes an RFC 6749 §5.2 body with no-store and the Basic challenge for invalid_client', async () => {
    const response = await get('/invalid-client-basic');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ error: 'invalid_client', error_description: 'Client authentication failed' });
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['www-authenticate']).toBe('Basic realm="token", charset="UTF-8"');
  });

  it('gives invalid_grant 400 and no challenge', async () => {
    const response = await get('/invalid-grant');
    expect(response.statusCode).toBe(400);
    expect(response.json()['error']).toBe('invalid_grant');
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  it('answers a missing bearer token with a challenge without error code (RFC 6750 §3.1)', async () => {
    const response = await get('/missing-token');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="other"');
  });

  it('answers an invalid token with error="invalid_token", quotes stripped from the description', async () => {
    const response = await get('/invalid-token');
    expect(response.statusCode).toBe(401);
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="other", error="invalid_token", error_description="The token has expired"',
    );
  });

  it('answers a missing scope with 403 insufficient_scope naming the scope', async () => {
    const response = await get('/insufficient-scope');
    expect(response.statusCode).toBe(403);
    expect(response.json()['error']).toBe('insufficient_scope');
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="other", error="insufficient_scope", error_description="The token lacks the scope other.write", scope="other.write"',
    );
  });

  it('adds Retry-After to temporarily_unavailable', async () => {
    const response = await get('/unavailable');
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('7');
  });

  it('answers slow_down with 429 and Retry-After (RFC 6585 §4)', async () => {
    const response = await get('/slow-down');
    expect(response.statusCode).toBe(429);
    expect(response.json()).toEqual({ error: 'slow_down', error_description: 'Too many failed attempts' });
    expect(response.headers['retry-after']).toBe('120');
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('maps Nest HTTP exceptions to standard bodies', async () => {
    expect((await get('/nest-400')).json()).toEqual({ error: 'invalid_request', error_description: 'Bad thing' });
    const notFound = await get('/nest-404');
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json()['error']).toBe('not_found');
  });

  it('turns an unexpected error into server_error without echoing anything of it', async () => {
    const response = await get('/crash');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({
      error: 'server_error',
      error_description: 'The server could not complete the request',
    });
    expect(response.body).not.toContain('hunter2');
  });

  it('answers an oversized body with 413 invalid_request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/json',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ padding: 'x'.repeat(500) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()['error']).toBe('invalid_request');
  });

  it('answers unparsable JSON with 400 invalid_request', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/json',
      headers: { 'content-type': 'application/json' },
      payload: '{"a":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()['error']).toBe('invalid_request');
  });
});
