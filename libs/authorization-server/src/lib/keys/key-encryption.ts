import { CompactEncrypt, compactDecrypt, type JWK } from 'jose';

/**
 * Private signing keys are stored as a JWE (direct encryption, A256GCM) under the
 * key-encryption key from the environment, so a database dump alone cannot sign tokens.
 */
export async function encryptPrivateJwk(jwk: JWK, keyEncryptionKey: Uint8Array): Promise<string> {
  return new CompactEncrypt(new TextEncoder().encode(JSON.stringify(jwk)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .encrypt(keyEncryptionKey);
}

export async function decryptPrivateJwk(jwe: string, keyEncryptionKey: Uint8Array): Promise<JWK> {
  try {
    const { plaintext } = await compactDecrypt(jwe, keyEncryptionKey, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return JSON.parse(new TextDecoder().decode(plaintext)) as JWK;
  } catch {
    throw new Error(
      'A stored signing key cannot be decrypted: KEY_ENCRYPTION_KEY differs from the key that encrypted it',
    );
  }
}
