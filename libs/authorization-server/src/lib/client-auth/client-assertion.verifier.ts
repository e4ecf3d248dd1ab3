import { Inject, Injectable } from '@nestjs/common';
import { errors, jwtVerify, type JWTPayload } from 'jose';
import { CLIENT_ASSERTION_ALGORITHMS, type AuthServerConfig } from '@oauth/config';
import { isStrictCompactJws } from '@oauth/tokens';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import type { RegisteredClient } from '../clients/registered-client';
import { ClientAssertionReplayStore } from './client-assertion-replay.store';
import { ClientAssertionRejectedError } from './client-assertion-rejected.error';
import { ClientJwksResolver } from './client-jwks.resolver';

/** Clock skew tolerated on exp, nbf and iat, in seconds. */
export const ASSERTION_CLOCK_SKEW_SECONDS = 30;

const MAX_JTI_LENGTH = 256;

/**
 * `typ` values a client assertion may carry, if any (RFC 8725 §3.11 allows the `application/` prefix): a plain JWT
 * or draft-ietf-oauth-rfc7523bis's own type. Anything else, above all an access token (`at+jwt`), is refused.
 */
const ACCEPTED_TYPES = new Set(['jwt', 'client-authentication+jwt']);

/**
 * Decides whether a client assertion (RFC 7523 §3, OIDC Core §9) proves it comes from `client`. Every check throws
 * ClientAssertionRejectedError; the order puts the signature first so that nothing unsigned reaches the replay store.
 */
@Injectable()
export class ClientAssertionVerifier {
  private readonly audiences: readonly string[];

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    private readonly jwks: ClientJwksResolver,
    private readonly replays: ClientAssertionReplayStore,
  ) {
    // draft-ietf-oauth-rfc7523bis §4: the audience is the issuer identifier alone (see docs/adr/0008).
    this.audiences = config.clientAuthentication.acceptTokenEndpointAudience
      ? [config.issuer, `${config.issuer}/token`]
      : [config.issuer];
  }

  async verify(assertion: string, client: RegisteredClient): Promise<void> {
    const payload = await this.verifySignature(assertion, client);
    const now = Math.floor(Date.now() / 1000);
    this.checkAudience(payload);
    const exp = this.checkLifetime(payload, now);
    const jti = payload.jti;
    if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI_LENGTH) {
      throw new ClientAssertionRejectedError('jti is missing or malformed');
    }
    const expiresAt = new Date((exp + ASSERTION_CLOCK_SKEW_SECONDS) * 1000);
    if (!(await this.replays.recordFirstUse(client.clientId, jti, expiresAt))) {
      throw new ClientAssertionRejectedError('jti was used before (replay)');
    }
  }

  private async verifySignature(assertion: string, client: RegisteredClient): Promise<JWTPayload> {
    // RFC 7515 §5.2, RFC 7519 §4: jose keeps the last of duplicate members and tolerates padding; refuse both, so
    // that no two readers of one assertion can see different claims (RFC 8725 §3.1).
    if (!isStrictCompactJws(assertion)) {
      throw new ClientAssertionRejectedError('not a compact JWS with unique header and claim names');
    }
    const keys = this.jwks.keysOf(client);
    if (!keys) throw new ClientAssertionRejectedError('the client has no registered keys');
    try {
      const { payload, protectedHeader } = await jwtVerify(assertion, keys, {
        // Never `none` or an HMAC algorithm: only what the client registered, out of the asymmetric ones.
        algorithms: client.tokenEndpointAuthSigningAlg
          ? [client.tokenEndpointAuthSigningAlg]
          : [...CLIENT_ASSERTION_ALGORITHMS],
        // RFC 7523 §3 (1), (2): the client is both the issuer and the subject.
        issuer: client.clientId,
        subject: client.clientId,
        requiredClaims: ['exp'],
        clockTolerance: ASSERTION_CLOCK_SKEW_SECONDS,
      });
      const typ = protectedHeader.typ?.toLowerCase().replace(/^application\//, '');
      if (typ !== undefined && !ACCEPTED_TYPES.has(typ)) {
        throw new ClientAssertionRejectedError(`typ ${JSON.stringify(protectedHeader.typ)} is not a client assertion`);
      }
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) throw new ClientAssertionRejectedError(`${error.code}: ${error.message}`);
      // A malformed JWT or JWKS, or a jwks_uri that cannot be reached.
      if (error instanceof TypeError || error instanceof SyntaxError) {
        throw new ClientAssertionRejectedError(
          `the assertion or the client's keys could not be used: ${error.message}`,
        );
      }
      throw error;
    }
  }

  /** A single string, never an array: an array lets an assertion made for another server be replayed here. */
  private checkAudience(payload: JWTPayload): void {
    if (typeof payload.aud !== 'string' || !this.audiences.includes(payload.aud)) {
      throw new ClientAssertionRejectedError(`aud ${JSON.stringify(payload.aud)} is not this issuer`);
    }
  }

  /** exp (checked in the future by jose) no further ahead than allowed; iat not in the future. Returns exp. */
  private checkLifetime(payload: JWTPayload, now: number): number {
    const exp = payload.exp as number;
    const maxLifetime = this.config.clientAuthentication.assertionMaxLifetimeSeconds;
    if (exp > now + maxLifetime + ASSERTION_CLOCK_SKEW_SECONDS) {
      throw new ClientAssertionRejectedError(`exp is more than ${maxLifetime} s ahead`);
    }
    if (payload.iat !== undefined && payload.iat > now + ASSERTION_CLOCK_SKEW_SECONDS) {
      throw new ClientAssertionRejectedError('iat is in the future');
    }
    return exp;
  }
}
