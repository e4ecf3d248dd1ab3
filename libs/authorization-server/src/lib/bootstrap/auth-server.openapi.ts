import { DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';
import { addBearerTokenSchemes } from '@oauth/api-docs';
import { CLIENT_SECRET_BASIC_SCHEME } from '../client-auth/client-authentication.openapi';
import { SERVER_ADMIN_SCOPE } from '../admin/server-admin.guard';

/** Everything of the auth server's OpenAPI document but its paths, which come from the routes. */
export function authServerOpenApiDocument(): Omit<OpenAPIObject, 'paths'> {
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.0.3')
    .setTitle('auth-server')
    .setDescription(
      'OAuth 2.1 authorization server. Errors are `{ "error", "error_description" }` with `Cache-Control: ' +
        'no-store`: RFC 6749 §5.2 at the token, revocation and introspection endpoints, RFC 6750 §3 challenges at ' +
        'the operator endpoints. Metadata: `/.well-known/oauth-authorization-server` (RFC 8414).',
    )
    .addTag('token', 'RFC 6749 §3.2')
    .addTag('authorize', 'RFC 6749 §3.1: the authorization-code flow, for browsers')
    .addTag('revocation', 'RFC 7009')
    .addTag('introspection', 'RFC 7662')
    .addTag('discovery', 'RFC 8414 metadata and the JWKS (RFC 7517)')
    .addTag('clients', 'The client registry (RFC 7591 field names), scope server.admin')
    .addTag('operator', 'Signing keys and the deny-list, scope server.admin')
    .addTag('deny-list', 'The feed resource servers poll')
    .addTag('health', 'Probes for load balancers and orchestrators')
    .addTag('metrics', 'Prometheus')
    .addSecurity(CLIENT_SECRET_BASIC_SCHEME, {
      type: 'http',
      scheme: 'basic',
      description: 'RFC 6749 §2.3.1: client_id and client_secret, each form-urlencoded first, as HTTP Basic.',
    });
  return addBearerTokenSchemes(builder, {
    description: 'An access token of this server for its own audience `server`',
    // Relative to this document's server: the Swagger UI page asks this same origin for the token.
    tokenUrl: '/token',
    scopes: { [SERVER_ADMIN_SCOPE]: 'The operator endpoints: clients, keys, deny-list.' },
  }).build();
}
