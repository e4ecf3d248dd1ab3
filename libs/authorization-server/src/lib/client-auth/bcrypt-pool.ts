import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';

/** bcrypt comparisons and hashing on worker threads, one per core, so the event loop never waits on them. */
@Injectable()
export class BcryptPool implements OnModuleDestroy {
  // The worker file is copied next to the bundle at build time, and sits next to this file in the sources.
  private readonly pool = new Piscina({
    filename: join(__dirname, 'bcrypt.worker.js'),
    minThreads: 1,
    maxThreads: availableParallelism(),
  });

  compare(secret: string, hash: string): Promise<boolean> {
    return this.pool.run({ secret, hash }) as Promise<boolean>;
  }

  /** A new hash, e.g. of a secret the admin API generated. */
  hash(secret: string, cost: number): Promise<string> {
    return this.pool.run({ secret, cost }, { name: 'hash' }) as Promise<string>;
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy();
  }
}
