import { CreateAuthServerSchema1764000000000 } from './1764000000000-create-auth-server-schema';
import { ExtendClientRegistry1764000100000 } from './1764000100000-extend-client-registry';
import { CreateAuthorizationCodeFlow1764400000000 } from './1764400000000-create-authorization-code-flow';
import { ClientAssertionsAndSecretRotation1764500000000 } from './1764500000000-client-assertions-and-secret-rotation';
import { SigningKeyLifecycle1764600000000 } from './1764600000000-signing-key-lifecycle';
import { CreateDenyList1764600100000 } from './1764600100000-create-deny-list';
import { RefreshTokenFamilies1764600200000 } from './1764600200000-refresh-token-families';
import { NotifyClientChanges1764700000000 } from './1764700000000-notify-client-changes';
import { ClientReferencesWithoutForeignKeys1764800000000 } from './1764800000000-client-references-without-foreign-keys';
import { FailedAuthenticationCounters1764810000000 } from './1764810000000-failed-authentication-counters';
import { CreateAuditEvent1764820000000 } from './1764820000000-create-audit-event';

/** Every auth-server migration, oldest first. */
export const AUTH_SERVER_MIGRATIONS = [
  CreateAuthServerSchema1764000000000,
  ExtendClientRegistry1764000100000,
  CreateAuthorizationCodeFlow1764400000000,
  ClientAssertionsAndSecretRotation1764500000000,
  SigningKeyLifecycle1764600000000,
  CreateDenyList1764600100000,
  RefreshTokenFamilies1764600200000,
  NotifyClientChanges1764700000000,
  ClientReferencesWithoutForeignKeys1764800000000,
  FailedAuthenticationCounters1764810000000,
  CreateAuditEvent1764820000000,
];
