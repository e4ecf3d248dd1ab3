import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { SigningKeyService } from '../keys/signing-key.service';

/** A signing key is loaded: without one, no token can be issued. */
@Injectable()
export class SigningKeyHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    private readonly keys: SigningKeyService,
  ) {}

  isHealthy<const Key extends string>(key: Key) {
    const indicator = this.health.check(key);
    try {
      this.keys.currentSigningKey();
      return indicator.up();
    } catch {
      return indicator.down();
    }
  }
}
