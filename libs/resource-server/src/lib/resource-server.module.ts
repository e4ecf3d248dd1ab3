import { Module } from '@nestjs/common';
import { DenyListModule } from '../deny-list/deny-list.module';
import { AccessTokenVerifier } from './access-token.verifier';
import { BearerTokenStrategy } from './bearer-token.strategy';

/** Registers the passport strategy (and with it the one cached remote key set) once for the app. */
@Module({
  imports: [DenyListModule],
  providers: [AccessTokenVerifier, BearerTokenStrategy],
  exports: [AccessTokenVerifier],
})
export class BearerTokenModule {}
