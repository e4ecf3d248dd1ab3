import { Injectable } from '@nestjs/common';
import { DataSource, In, MoreThan, type EntityManager } from 'typeorm';
import { SigningKeyEntity } from './signing-key.entity';

/** Serialises every change of the key set across instances (boot, schedule, operator actions). */
const KEY_LOCK = 7002;

/** Signing keys in Postgres. */
@Injectable()
export class SigningKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` in a transaction holding the key lock. With `wait: false` it gives up at once when
   * another instance holds the lock (and returns undefined): that instance is doing the same work.
   */
  async underLock<T>(work: (manager: EntityManager) => Promise<T>, wait = true): Promise<T | undefined> {
    return this.dataSource.transaction(async (manager) => {
      if (wait) {
        await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      } else {
        const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [KEY_LOCK]);
        if (!locked) return undefined;
      }
      return work(manager);
    });
  }

  /** The keys a verifier may still meet: next, active, and those retired after `retiredSince`. */
  async findPublished(retiredSince: Date): Promise<SigningKeyEntity[]> {
    return this.dataSource.getRepository(SigningKeyEntity).find({
      where: [{ status: In(['next', 'active']) }, { status: 'retired', retiredAt: MoreThan(retiredSince) }],
      order: { activatesAt: 'DESC' },
    });
  }
}
