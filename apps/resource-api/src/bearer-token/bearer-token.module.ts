import { Module } from '@nestjs/common';
import { AccessTokenVerifier } from './access-token.verifier';
import { BearerTokenStrategy } from './bearer-token.strategy';

/** Registers the passport strategy (and with it the one cached remote key set) once for the app. */
@Module({
  providers: [AccessTokenVerifier, BearerTokenStrategy],
  exports: [AccessTokenVerifier],
})
export class BearerTokenModule {}
