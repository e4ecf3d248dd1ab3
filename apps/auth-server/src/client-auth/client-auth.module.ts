import { Module } from '@nestjs/common';
import { ClientsModule } from '../clients/clients.module';
import { BcryptPool } from './bcrypt-pool';
import { ClientAuthenticator } from './client-authenticator';
import { SecretVerifier } from './secret-verifier';

@Module({
  imports: [ClientsModule],
  providers: [BcryptPool, SecretVerifier, ClientAuthenticator],
  exports: [ClientAuthenticator, SecretVerifier],
})
export class ClientAuthModule {}
