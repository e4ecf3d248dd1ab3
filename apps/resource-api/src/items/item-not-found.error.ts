import { OAuthError } from '@oauth/oauth-errors';

export const itemNotFound = () => new OAuthError('not_found', 404, 'No item has this id');
