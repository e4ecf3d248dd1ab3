/** RFC 7662 §2.2: the answer for an active token. */
export interface ActiveTokenIntrospection {
  active: true;
  scope: string;
  client_id: string;
  sub: string;
  aud: string;
  iss: string;
  exp: number;
  iat: number;
  jti: string;
  token_type?: 'Bearer';
}

/** RFC 7662 §2.2: expired, revoked, unknown or someone else's token all look the same. */
export const INACTIVE = { active: false } as const;

export type IntrospectionResponse = ActiveTokenIntrospection | typeof INACTIVE;
