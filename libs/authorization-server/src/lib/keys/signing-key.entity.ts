import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { JWK } from 'jose';

/**
 * next: published, signs from `activatesAt` on; active: signs; retired: published until every token it
 * signed has expired; gone: unpublished, private part erased; revoked: unpublished at once, tokens refused.
 */
export type SigningKeyStatus = 'next' | 'active' | 'retired' | 'gone' | 'revoked';

/** An access-token signing key; the private half is stored encrypted (see key-encryption.ts). */
@Entity({ name: 'signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  kid!: string;

  @Column({ type: 'varchar', length: 16 })
  alg!: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk!: JWK;

  @Column({ name: 'encrypted_private_jwk', type: 'text' })
  encryptedPrivateJwk!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SigningKeyStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When the key starts signing; every instance switches at this moment. */
  @Column({ name: 'activates_at', type: 'timestamptz' })
  activatesAt!: Date;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
