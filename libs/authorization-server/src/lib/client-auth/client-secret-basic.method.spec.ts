import { ClientSecretBasicMethod } from './client-secret-basic.method';

const header = (raw: string) => `Basic ${Buffer.from(raw, 'utf8').toString('base64')}`;

describe('ClientSecretBasicMethod (RFC 6749 §2.3.1)', () => {
  const method = new ClientSecretBasicMethod();

  it('form-url-decodes client_id and secret', () => {
    expect(method.read({ authorization: header('my+client%3A1:p%40ss+word%2B'), params: {} })).toEqual({
      method: 'client_secret_basic',
      clientId: 'my client:1',
      secret: 'p@ss word+',
    });
  });

  it('splits at the first colon only', () => {
    expect(method.read({ authorization: header('id:a:b'), params: {} }).secret).toBe('a:b');
  });

  it('accepts the scheme in any case (RFC 7235 §2.1)', () => {
    expect(method.read({ authorization: `bAsIc ${Buffer.from('id:s').toString('base64')}`, params: {} }).clientId).toBe(
      'id',
    );
  });

  it.each([['Basic'], ['Basic !!!'], [header('no-colon')], ['Digest abc']])(
    'refuses %p with invalid_request',
    (authorization) => {
      expect(() => method.read({ authorization, params: {} })).toThrow(
        expect.objectContaining({ error: 'invalid_request', status: 400 }),
      );
    },
  );
});
