import { DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';

/** Everything of the client API's OpenAPI document but its paths, which come from the routes. */
export function clientApiOpenApiDocument(): Omit<OpenAPIObject, 'paths'> {
  return new DocumentBuilder()
    .setOpenAPIVersion('3.0.3')
    .setTitle('client-api')
    .setDescription(
      'A client of the authorization server. Its callers need no credentials: it holds its own and obtains, ' +
        'caches and refreshes the tokens. Errors are `{ "error", "error_description" }`; a failing upstream ' +
        'service is 502 `upstream_error`.',
    )
    .addTag('other', "The resource API, with this client's own token")
    .addTag('console', 'Roles (admin, user) with their tokens, and the operator actions of the admin role')
    .addTag('browser', 'Signing a person in with the authorization-code flow')
    .addTag('health', 'Probes for load balancers and orchestrators')
    .addTag('metrics', 'Prometheus')
    .build();
}
