import { Module } from '@nestjs/common';
import { BruteForceModule } from '../brute-force/brute-force.module';
import { BcryptPool } from './bcrypt-pool';
import { ClientAssertionReplayStore } from './client-assertion-replay.store';
import { ClientAssertionVerifier } from './client-assertion.verifier';
import { ClientAuthenticator } from './client-authenticator';
import { ClientJwksResolver } from './client-jwks.resolver';
import { SecretVerifier } from './secret-verifier';

@Module({
  imports: [BruteForceModule],
  providers: [
    BcryptPool,
    SecretVerifier,
    ClientJwksResolver,
    ClientAssertionReplayStore,
    ClientAssertionVerifier,
    ClientAuthenticator,
  ],
  exports: [ClientAuthenticator, SecretVerifier, BcryptPool],
})
export class ClientAuthModule {}
