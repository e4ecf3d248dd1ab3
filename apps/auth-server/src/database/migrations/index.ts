import { CreateAuthServerSchema1764000000000 } from './1764000000000-create-auth-server-schema';

/** Every auth-server migration, oldest first. */
export const AUTH_SERVER_MIGRATIONS = [CreateAuthServerSchema1764000000000];
