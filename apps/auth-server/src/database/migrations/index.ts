import { CreateAuthServerSchema1764000000000 } from './1764000000000-create-auth-server-schema';
import { ExtendClientRegistry1764000100000 } from './1764000100000-extend-client-registry';
import { SigningKeyLifecycle1764600000000 } from './1764600000000-signing-key-lifecycle';
import { CreateDenyList1764600100000 } from './1764600100000-create-deny-list';
import { RefreshTokenFamilies1764600200000 } from './1764600200000-refresh-token-families';

/** Every auth-server migration, oldest first. */
export const AUTH_SERVER_MIGRATIONS = [
  CreateAuthServerSchema1764000000000,
  ExtendClientRegistry1764000100000,
  SigningKeyLifecycle1764600000000,
  CreateDenyList1764600100000,
  RefreshTokenFamilies1764600200000,
];
