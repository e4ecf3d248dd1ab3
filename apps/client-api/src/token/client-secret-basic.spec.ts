import { clientSecretBasic } from './client-secret-basic';

const decode = (header: string) => Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('clientSecretBasic', () => {
  it('joins plain credentials with a colon', () => {
    expect(clientSecretBasic({ clientId: 'client', clientSecret: 'secret' })).toBe(
      `Basic ${Buffer.from('client:secret').toString('base64')}`,
    );
  });

  it('form-url-encodes the client_id and secret before joining them (RFC 6749 §2.3.1)', () => {
    const header = clientSecretBasic({ clientId: 'a:b', clientSecret: 's+/= x' });
    expect(decode(header)).toBe('a%3Ab:s%2B%2F%3D+x');
  });

  it('encodes non-ASCII characters as UTF-8 percent escapes', () => {
    expect(decode(clientSecretBasic({ clientId: 'é', clientSecret: '~!' }))).toBe('%C3%A9:%7E%21');
  });
});
