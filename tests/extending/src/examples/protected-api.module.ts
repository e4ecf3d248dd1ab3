import { Controller, Get, Module, type DynamicModule } from '@nestjs/common';
import { HealthCheck, HealthCheckService, TerminusModule } from '@nestjs/terminus';
import {
  Principal,
  RequireScopes,
  ResourceServerHealthIndicator,
  ResourceServerModule,
  type AccessTokenPrincipal,
} from '@oauth/resource-server';

@Controller('invoices')
export class InvoicesController {
  /** 401 without a valid token, 403 insufficient_scope without `billing.read`. */
  @Get()
  @RequireScopes('billing.read')
  list(@Principal() principal: AccessTokenPrincipal) {
    return {
      invoices: [],
      readBy: {
        clientId: principal.clientId,
        subject: principal.subject,
        scopes: principal.scopes.values(),
        tokenId: principal.tokenId,
        expiresAt: principal.expiresAt.toISOString(),
      },
    };
  }
}

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly resourceServer: ResourceServerHealthIndicator,
  ) {}

  /** 503 while the deny-list is stale. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([() => this.resourceServer.isHealthy('resource_server')]);
  }
}

/** A billing API that accepts the access tokens of the authorization server at `issuer`. */
@Module({})
export class ProtectedApiModule {
  static forRoot(settings: { issuer: string; denyListSecret: string }): DynamicModule {
    return {
      module: ProtectedApiModule,
      imports: [
        ResourceServerModule.forRoot({
          issuer: settings.issuer,
          audience: 'billing',
          // Pulled from `${issuer}/deny-list` as the client `billing`, every 2 seconds.
          denyList: { clientSecret: settings.denyListSecret },
        }),
        TerminusModule,
      ],
      controllers: [InvoicesController, HealthController],
    };
  }
}
