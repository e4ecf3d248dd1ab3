import type { TestClient } from './auth-server.fixture';

/** Clients of the revocation and introspection tests. */
export const OWNER: TestClient = {
  clientId: 'owner',
  secret: 'owner-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read other.write',
};

export const STRANGER: TestClient = {
  clientId: 'stranger',
  secret: 'stranger-secret',
  grantTypes: ['client_credentials', 'refresh_token'],
  scope: 'other.read other.write',
};

/** The resource server `other`, registered as a client under its audience name. */
export const RESOURCE_SERVER: TestClient = {
  clientId: 'other',
  secret: 'other-secret',
  grantTypes: ['client_credentials'],
  scope: 'server.deny-list',
};
