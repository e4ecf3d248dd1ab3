import { OAuthError } from '@oauth/oauth-errors';
import { extractBearerToken, type BearerTokenCarrier } from './bearer-token.extractor';

function rejection(request: BearerTokenCarrier): OAuthError {
  try {
    extractBearerToken(request, 'other');
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected the request to be rejected');
}

describe('extractBearerToken', () => {
  it('reads the token from the Authorization header, scheme case-insensitive', () => {
    expect(extractBearerToken({ headers: { authorization: 'Bearer abc.DEF-_~+/=' } }, 'other')).toBe('abc.DEF-_~+/=');
    expect(extractBearerToken({ headers: { authorization: 'bearer abc' } }, 'other')).toBe('abc');
  });

  it('finds no token without an Authorization header or with another scheme', () => {
    expect(extractBearerToken({ headers: {} }, 'other')).toBeUndefined();
    expect(extractBearerToken({ headers: { authorization: 'Basic Y2xpZW50OnNlY3JldA==' } }, 'other')).toBeUndefined();
  });

  it.each(['Bearer', 'Bearer ', 'Bearer a b', 'Bearer a"b'])(
    'rejects the malformed header %j as invalid_request',
    (header) => {
      const error = rejection({ headers: { authorization: header } });
      expect(error.status).toBe(400);
      expect(error.error).toBe('invalid_request');
    },
  );

  it('rejects a token sent both in the header and the query', () => {
    const error = rejection({
      headers: { authorization: 'Bearer abc' },
      query: { access_token: 'abc' },
    });
    expect(error.toBody()).toEqual({
      error: 'invalid_request',
      error_description: 'The access token was sent in more than one way',
    });
  });

  it('rejects a token sent both in the header and a form body', () => {
    const error = rejection({
      headers: {
        authorization: 'Bearer abc',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: { access_token: 'abc' },
    });
    expect(error.description).toBe('The access token was sent in more than one way');
  });

  it('rejects a token only in the query, which OAuth 2.1 no longer allows', () => {
    const error = rejection({ headers: {}, query: { access_token: 'abc' } });
    expect(error.description).toBe('The access token must be sent in the Authorization header');
  });

  it('ignores an access_token field of a JSON body, which RFC 6750 §2.2 does not cover', () => {
    const request = {
      headers: { 'content-type': 'application/json' },
      body: { access_token: 'abc' },
    };
    expect(extractBearerToken(request, 'other')).toBeUndefined();
  });
});
