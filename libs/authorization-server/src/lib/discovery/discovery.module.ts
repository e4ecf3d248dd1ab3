import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryController } from './discovery.controller';

/** RFC 8414 metadata; `tokenEndpoint` is the TokenEndpointModule whose grants it advertises. */
@Module({})
export class DiscoveryModule {
  static register(tokenEndpoint: DynamicModule): DynamicModule {
    return { module: DiscoveryModule, imports: [tokenEndpoint], controllers: [DiscoveryController] };
  }
}
