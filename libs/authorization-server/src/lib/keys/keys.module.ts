import { Module } from '@nestjs/common';
import type { AuthServerConfig } from '@oauth/config';
import { AUTH_SERVER_CONFIG } from '../config/auth-server-config.token';
import { KEY_ENCRYPTION_KEY, resolveKeyEncryptionKey } from './key-encryption-key.provider';
import { KeyLifecycle } from './key-lifecycle';
import { KeyRefreshScheduler } from './key-refresh.scheduler';
import { SigningKeyRepository } from './signing-key.repository';
import { SigningKeyService } from './signing-key.service';

@Module({
  providers: [
    {
      provide: KEY_ENCRYPTION_KEY,
      inject: [AUTH_SERVER_CONFIG],
      useFactory: (config: AuthServerConfig) => resolveKeyEncryptionKey(config),
    },
    SigningKeyRepository,
    SigningKeyService,
    KeyLifecycle,
    KeyRefreshScheduler,
  ],
  exports: [SigningKeyService, KeyLifecycle, KeyRefreshScheduler],
})
export class KeysModule {}
