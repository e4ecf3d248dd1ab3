import { encodeBasicCredentials } from './basic-credentials';

const decode = (header: string) => Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('encodeBasicCredentials', () => {
  it('joins plain credentials with a colon under the Basic scheme (RFC 7617 §2)', () => {
    expect(encodeBasicCredentials('client', 'secret')).toBe(`Basic ${Buffer.from('client:secret').toString('base64')}`);
  });

  it('form-url-encodes the client_id and secret before joining them (RFC 6749 §2.3.1)', () => {
    expect(decode(encodeBasicCredentials('a:b', 's+/= x'))).toBe('a%3Ab:s%2B%2F%3D+x');
  });

  it('encodes non-ASCII characters as UTF-8 percent escapes', () => {
    expect(decode(encodeBasicCredentials('é', '~!'))).toBe('%C3%A9:%7E%21');
  });
});
