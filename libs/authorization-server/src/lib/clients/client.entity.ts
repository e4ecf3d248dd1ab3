import type { JSONWebKeySet } from 'jose';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClientAssertionAlgorithm } from '@oauth/config';
import type { TokenEndpointAuthMethod } from './registered-client';

/** A registered client (RFC 6749 §2, RFC 7591 §2 metadata). A secret is kept only as a bcrypt hash. */
@Entity({ name: 'oauth_clients' })
export class ClientEntity {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 128 })
  clientId!: string;

  @Column({ name: 'client_name', type: 'varchar', length: 200, nullable: true })
  clientName!: string | null;

  @Column({ name: 'token_endpoint_auth_method', type: 'varchar', length: 32 })
  tokenEndpointAuthMethod!: TokenEndpointAuthMethod;

  @Column({ name: 'secret_hash', type: 'varchar', length: 60, nullable: true })
  secretHash!: string | null;

  /** The secret a rotation replaced; it keeps working until previousSecretExpiresAt. */
  @Column({ name: 'previous_secret_hash', type: 'varchar', length: 60, nullable: true })
  previousSecretHash!: string | null;

  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;

  @Column({ name: 'grant_types', type: 'text', array: true })
  grantTypes!: string[];

  /** The scopes the client may be granted, space-delimited. */
  @Column({ type: 'text' })
  scope!: string;

  @Column({ name: 'redirect_uris', type: 'text', array: true })
  redirectUris!: string[];

  @Column({ type: 'jsonb', nullable: true })
  jwks!: JSONWebKeySet | null;

  @Column({ name: 'jwks_uri', type: 'text', nullable: true })
  jwksUri!: string | null;

  @Column({ name: 'token_endpoint_auth_signing_alg', type: 'varchar', length: 16, nullable: true })
  tokenEndpointAuthSigningAlg!: ClientAssertionAlgorithm | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
