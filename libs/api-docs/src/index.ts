export { mountApiDocs, API_DOCS_PATH, type ApiDocsOptions } from './lib/mount-api-docs';
export { API_DOCS_CONTENT_SECURITY_POLICY } from './lib/api-docs-headers';
export {
  ApiOAuthErrorResponse,
  ApiRetryLaterResponse,
  oauthErrorSchema,
  stringHeader,
  type OAuthErrorResponseOptions,
} from './lib/oauth-error.responses';
export {
  ApiBearerToken,
  addBearerTokenSchemes,
  BEARER_SCHEME,
  OAUTH2_SCHEME,
  type BearerTokenOptions,
  type BearerTokenSchemesOptions,
} from './lib/bearer-token.openapi';
