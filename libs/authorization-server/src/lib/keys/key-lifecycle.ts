import { Inject, Injectable, Logger } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager, type Repository } from 'typeorm';
import type { AuthServerConfig } from '@oauth/config';
import { signingKeyRevoked, signingKeyRotated } from '../audit/audit-events';
import { AuditLog } from '../audit/audit-log';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { encryptPrivateJwk } from './key-encryption';
import { KEY_ENCRYPTION_KEY } from './key-encryption-key.provider';
import { retiredKeyHorizonSeconds } from './key-timing';
import { generateSigningKey } from './signing-key.generator';
import { SigningKeyEntity } from './signing-key.entity';
import { SigningKeyRepository } from './signing-key.repository';

/** The outcome of an operator rotation: the key that signs now and the one it replaced. */
export interface KeyRotation {
  kid: string;
  previousKid: string | null;
}

/**
 * Moves signing keys through next → active → retired → gone on the configured schedule, and carries
 * out emergency rotation and revocation. Every change runs under one advisory lock, so among several
 * instances exactly one performs a scheduled step (ADR 0007).
 */
@Injectable()
export class KeyLifecycle {
  private readonly logger = new Logger(KeyLifecycle.name);

  constructor(
    @Inject(AUTH_SERVER_CONFIG) private readonly config: AuthServerConfig,
    @Inject(KEY_ENCRYPTION_KEY) private readonly keyEncryptionKey: Uint8Array,
    private readonly keys: SigningKeyRepository,
    private readonly audit: AuditLog,
  ) {}

  /** Applies whatever the schedule says is due. With `wait: false`, skips when another instance is at it. */
  async applySchedule(wait: boolean, now = new Date()): Promise<void> {
    const rotation = await this.keys.underLock(
      (manager) => this.scheduleStep(manager.getRepository(SigningKeyEntity), now),
      wait,
    );
    // Recorded once committed; a first key (nothing replaced) is no rotation.
    if (rotation?.previousKid) this.audit.record(signingKeyRotated(rotation.kid, rotation.previousKid, 'schedule'));
  }

  /** Emergency rotation: the published next key (or a fresh one) signs from now on. */
  async rotateNow(now = new Date()): Promise<KeyRotation> {
    const rotation = await this.keys.underLock(async (manager) => {
      const keys = manager.getRepository(SigningKeyEntity);
      const previous = await keys.findOneBy({ status: 'active' });
      if (previous) await keys.update({ kid: previous.kid }, { status: 'retired', retiredAt: now });
      const active = await this.activateReplacement(keys, now);
      return { kid: active.kid, previousKid: previous?.kid ?? null };
    });
    if (rotation) this.audit.record(signingKeyRotated(rotation.kid, rotation.previousKid, 'operator'));
    return rotation as KeyRotation;
  }

  /**
   * Unpublishes a key at once. When it was the signing key, another one signs from now on. Returns the
   * revoked key, or null for an unknown kid. `inTransaction` runs in the same transaction (deny-listing).
   */
  async revoke(
    kid: string,
    inTransaction: (manager: EntityManager, key: SigningKeyEntity) => Promise<void>,
    now = new Date(),
  ): Promise<SigningKeyEntity | null> {
    const revoked = await this.keys.underLock(async (manager) => {
      const keys = manager.getRepository(SigningKeyEntity);
      const key = await keys.findOneBy({ kid });
      if (!key) return null;
      if (key.status !== 'revoked') {
        await keys.update({ kid }, { status: 'revoked', revokedAt: now });
        if (key.status === 'active') await this.activateReplacement(keys, now);
      }
      await inTransaction(manager, key);
      return key;
    });
    if (revoked) this.audit.record(signingKeyRevoked(kid, revoked.status));
    return revoked ?? null;
  }

  /** One step of the schedule; returns the rotation it made, if any. */
  private async scheduleStep(keys: Repository<SigningKeyEntity>, now: Date): Promise<KeyRotation | null> {
    const alg = this.config.tokens.signingAlgorithm;
    let active = await keys.findOneBy({ status: 'active' });
    const previousKid = active?.kid ?? null;
    let next = await keys.findOneBy({ status: 'next' });
    if (next && next.alg !== alg) {
      // Never signed anything: no token depends on it.
      await keys.update({ kid: next.kid }, { status: 'gone', encryptedPrivateJwk: '' });
      next = null;
    }
    if (next && next.activatesAt <= now) {
      if (active) await keys.update({ kid: active.kid }, { status: 'retired', retiredAt: now });
      await keys.update({ kid: next.kid }, { status: 'active' });
      this.logger.log(`Signing key ${next.kid} is active; ${active?.kid ?? 'none'} retired`);
      active = next;
      next = null;
    }
    if (!active || active.alg !== alg) {
      // First boot, or SIGNING_ALG changed: a key of the configured algorithm signs at once.
      if (active) await keys.update({ kid: active.kid }, { status: 'retired', retiredAt: now });
      active = await keys.save(keys.create({ ...(await this.newKey()), status: 'active', activatesAt: now }));
    }
    if (!next) await this.publishNextWhenDue(keys, active, now);
    await this.retireForGood(keys, now);
    return active.kid === previousKid ? null : { kid: active.kid, previousKid };
  }

  /**
   * The next key is published one JWKS cache period (JWKS_MAX_AGE) before it signs, so every verifier
   * that honours Cache-Control has it by then.
   */
  private async publishNextWhenDue(keys: Repository<SigningKeyEntity>, active: SigningKeyEntity, now: Date) {
    const { rotationIntervalSeconds, jwksMaxAgeSeconds } = this.config.keys;
    const rotationDue = active.activatesAt.getTime() + rotationIntervalSeconds * 1000;
    if (now.getTime() < rotationDue - jwksMaxAgeSeconds * 1000) return;
    const activatesAt = new Date(Math.max(rotationDue, now.getTime() + jwksMaxAgeSeconds * 1000));
    const next = await keys.save(keys.create({ ...(await this.newKey()), status: 'next', activatesAt }));
    this.logger.log(`Signing key ${next.kid} published; it signs from ${activatesAt.toISOString()}`);
  }

  /** A retired key is unpublished, and its private part erased, once every token it signed has expired. */
  private async retireForGood(keys: Repository<SigningKeyEntity>, now: Date): Promise<void> {
    const horizon = new Date(now.getTime() - retiredKeyHorizonSeconds(this.config) * 1000);
    await keys.update(
      { status: 'retired', retiredAt: LessThanOrEqual(horizon) },
      { status: 'gone', encryptedPrivateJwk: '' },
    );
  }

  /** Promotes the next key of the configured algorithm if there is one (verifiers already have it), else a fresh key. */
  private async activateReplacement(keys: Repository<SigningKeyEntity>, now: Date): Promise<SigningKeyEntity> {
    const next = await keys.findOneBy({ status: 'next', alg: this.config.tokens.signingAlgorithm });
    if (next) {
      await keys.update({ kid: next.kid }, { status: 'active', activatesAt: now });
      return { ...next, status: 'active', activatesAt: now };
    }
    return keys.save(keys.create({ ...(await this.newKey()), status: 'active', activatesAt: now }));
  }

  private async newKey() {
    const generated = await generateSigningKey(this.config.tokens.signingAlgorithm);
    return {
      kid: generated.kid,
      alg: generated.alg,
      publicJwk: generated.publicJwk,
      encryptedPrivateJwk: await encryptPrivateJwk(generated.privateJwk, this.keyEncryptionKey),
      retiredAt: null,
      revokedAt: null,
    };
  }
}
