import { Injectable } from '@nestjs/common';
import { DataSource, MoreThan } from 'typeorm';
import type { SigningAlgorithm } from '@oauth/tokens';
import { SigningKeyEntity } from './signing-key.entity';

/** Serialises key creation across instances that start together. */
const KEY_CREATION_LOCK = 7002;

/** Signing keys in Postgres. */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Returns the active key for `alg`, creating it with `create` when there is none; an active key
   * of another algorithm is retired first. Runs under an advisory lock, so concurrent boots agree.
   */
  async ensureActive(
    alg: SigningAlgorithm,
    create: () => Promise<Omit<SigningKeyEntity, 'createdAt' | 'retiredAt' | 'status'>>,
  ): Promise<SigningKeyEntity> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_CREATION_LOCK]);
      const keys = manager.getRepository(SigningKeyEntity);
      const active = await keys.findOneBy({ status: 'active' });
      if (active?.alg === alg) return active;
      if (active) await keys.update({ kid: active.kid }, { status: 'retired', retiredAt: new Date() });
      return keys.save(keys.create({ ...(await create()), status: 'active', retiredAt: null }));
    });
  }

  /** The keys a verifier may still meet: the active one and those retired after `retiredSince`. */
  async findPublished(retiredSince: Date): Promise<SigningKeyEntity[]> {
    return this.dataSource.getRepository(SigningKeyEntity).find({
      where: [{ status: 'active' }, { status: 'retired', retiredAt: MoreThan(retiredSince) }],
      order: { createdAt: 'DESC' },
    });
  }
}
