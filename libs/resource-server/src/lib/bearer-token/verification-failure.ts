import { errors } from 'jose';

/** jose errors that say the token itself is unacceptable; anything else is a failure to get the keys. */
const TOKEN_ERROR_CODES = new Set([
  errors.JWTExpired.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTInvalid.code,
  errors.JWSInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

/** Whether jose rejected the token (as opposed to failing to fetch or read the key set). */
export function isTokenRejection(error: unknown): error is errors.JOSEError {
  return error instanceof errors.JOSEError && TOKEN_ERROR_CODES.has(error.code);
}

const CLAIM_FAILURES: Record<string, string> = {
  iss: 'The access token was issued by an unexpected issuer',
  aud: 'The access token is not intended for this resource server',
  nbf: 'The access token is not yet valid',
  // RFC 9068 §4: the resource server must reject a token whose typ is not at+jwt.
  typ: 'The token is not a JWT access token (typ must be at+jwt)',
};

/** A caller-safe `error_description` for a rejected token; it never echoes the token. */
export function describeTokenRejection(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'The access token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return `The access token lacks the ${error.claim} claim`;
    return CLAIM_FAILURES[error.claim] ?? `The access token has an invalid ${error.claim} claim`;
  }
  if (error instanceof errors.JWKSNoMatchingKey) return 'The access token is signed with an unknown key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'The access token signature is invalid';
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'The access token is signed with an unsupported algorithm';
  }
  return 'The access token is malformed';
}
