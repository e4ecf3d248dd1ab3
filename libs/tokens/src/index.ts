export { generateOpaqueToken, hashToken } from './lib/opaque-token';
export {
  signAccessToken,
  ACCESS_TOKEN_TYPE,
  REGISTERED_ACCESS_TOKEN_CLAIMS,
  RegisteredClaimCollisionError,
  registeredClaimsIn,
  type SigningAlgorithm,
  type AccessTokenSigningKey,
  type AccessTokenClaims,
  type SignedAccessToken,
} from './lib/access-token';
export { isStrictCompactJws } from './lib/strict-compact-jws';
export { encodeBasicCredentials } from './lib/basic-credentials';
