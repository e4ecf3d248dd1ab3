import { encodeBasicCredentials } from '@oauth/tokens';
import type { ClientCredentials } from '../credentials/client-credentials';

/** client_secret_basic (RFC 6749 §2.3.1): the `Authorization` header of a token request. */
export function clientSecretBasic({ clientId, clientSecret }: ClientCredentials): string {
  return encodeBasicCredentials(clientId, clientSecret);
}
