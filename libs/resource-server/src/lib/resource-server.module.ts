import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
  type Provider,
} from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AccessTokenVerifier } from './bearer-token/access-token.verifier';
import { BearerTokenStrategy } from './bearer-token/bearer-token.strategy';
import { ResilientJwksResolver } from './bearer-token/resilient-jwks.resolver';
import { ScopeGuard } from './bearer-token/scope.guard';
import { DenyListCache } from './deny-list/deny-list.cache';
import { DenyListFeedClient } from './deny-list/deny-list-feed.client';
import { DenyListPoller } from './deny-list/deny-list.poller';
import { ResourceServerHealthIndicator } from './health/resource-server.health-indicator';
import {
  resolveResourceServerOptions,
  type ResolvedResourceServerOptions,
  type ResourceServerOptions,
} from './resource-server-options';
import { RESOURCE_SERVER_OPTIONS } from './resource-server.tokens';

const JWKS_TIMEOUT_MS = 5_000;

/** `ResourceServerModule.forRootAsync` options: the options come from a factory, e.g. fed by the app's config. */
export interface ResourceServerAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  /** Providers passed to `useFactory`, in order. */
  inject?: (InjectionToken | OptionalFactoryDependency)[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Nest's factory convention: typed by the caller.
  useFactory: (...args: any[]) => ResourceServerOptions | Promise<ResourceServerOptions>;
}

/**
 * Protects a NestJS API with RFC 9068 JWT access tokens of one authorization server: verification
 * against its JWKS (cached, re-fetched on an unknown key at most once per cooldown), the deny-list
 * feed (ADR 0006), and RFC 6750 answers. Import it once, in the root module; it is global, so
 * `RequireToken()`, `RequireScopes()` and `ResourceServerHealthIndicator` work in every module.
 */
@Module({})
export class ResourceServerModule {
  /** Validates the options now: bad options throw a ResourceServerOptionsError naming the option. */
  static forRoot(options: ResourceServerOptions): DynamicModule {
    const resolved = resolveResourceServerOptions(options);
    return ResourceServerModule.create([], { provide: RESOURCE_SERVER_OPTIONS, useValue: resolved });
  }

  /** Validates the options the factory returns at boot: bad options fail the boot with a ResourceServerOptionsError. */
  static forRootAsync(options: ResourceServerAsyncOptions): DynamicModule {
    return ResourceServerModule.create(options.imports ?? [], {
      provide: RESOURCE_SERVER_OPTIONS,
      inject: options.inject ?? [],
      useFactory: async (...args: unknown[]) => resolveResourceServerOptions(await options.useFactory(...args)),
    });
  }

  private static create(imports: ModuleMetadata['imports'], optionsProvider: Provider): DynamicModule {
    return {
      module: ResourceServerModule,
      global: true,
      imports,
      providers: [
        optionsProvider,
        {
          provide: ResilientJwksResolver,
          inject: [RESOURCE_SERVER_OPTIONS],
          useFactory: (options: ResolvedResourceServerOptions) =>
            new ResilientJwksResolver({
              jwksUri: options.jwksUri,
              cooldownMs: options.jwksRefetchCooldownSeconds * 1000,
              cacheMaxAgeMs: options.jwksCacheMaxAgeSeconds * 1000,
              timeoutMs: JWKS_TIMEOUT_MS,
            }),
        },
        DenyListCache,
        DenyListFeedClient,
        DenyListPoller,
        AccessTokenVerifier,
        // Registers the passport strategy BearerTokenGuard names, once for the app.
        BearerTokenStrategy,
        ScopeGuard,
        HealthIndicatorService,
        ResourceServerHealthIndicator,
      ],
      // What BearerTokenGuard, built in the module of each controller that uses it, needs; and the health indicator.
      exports: [RESOURCE_SERVER_OPTIONS, ScopeGuard, ResourceServerHealthIndicator],
    };
  }
}
