import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A registered client (RFC 6749 §2). The secret is kept only as a bcrypt hash. */
@Entity({ name: 'oauth_clients' })
export class ClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 128 })
  clientId!: string;

  @Column({ name: 'secret_hash', type: 'varchar', length: 60 })
  secretHash!: string;

  @Column({ name: 'grant_types', type: 'text', array: true })
  grantTypes!: string[];

  /** The scopes the client may be granted, space-delimited. */
  @Column({ type: 'text' })
  scope!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
