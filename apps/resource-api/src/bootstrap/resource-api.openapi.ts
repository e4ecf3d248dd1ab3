import { DocumentBuilder, type OpenAPIObject } from '@nestjs/swagger';
import { addBearerTokenSchemes } from '@oauth/api-docs';
import type { ResourceApiConfig } from '@oauth/config';

/** Everything of the resource API's OpenAPI document but its paths, which come from the routes. */
export function resourceApiOpenApiDocument(config: ResourceApiConfig): Omit<OpenAPIObject, 'paths'> {
  const audience = config.tokens.audience;
  const builder = new DocumentBuilder()
    .setOpenAPIVersion('3.0.3')
    .setTitle('resource-api')
    .setDescription(
      `A resource server ("Other"): verifies the authorization server's JWT access tokens (RFC 9068) for the ` +
        `audience \`${audience}\` locally against its JWKS, and refuses deny-listed ones. Token errors are RFC 6750 ` +
        '§3 challenges in `WWW-Authenticate` with a `{ "error", "error_description" }` body; other errors have ' +
        'the same body.',
    )
    .addTag('user', 'The caller, as its token says')
    .addTag('items', 'Anyone reads; changes need a write scope')
    .addTag('health', 'Probes for load balancers and orchestrators')
    .addTag('metrics', 'Prometheus');
  return addBearerTokenSchemes(builder, {
    description: `An access token of ${config.tokens.issuer} with the audience \`${audience}\``,
    tokenUrl: `${config.tokens.issuer}/token`,
    scopes: {
      [`${audience}.read`]: 'Read.',
      [`${audience}.write`]: 'Create, replace and delete items.',
    },
  }).build();
}
