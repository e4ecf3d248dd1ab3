export { createTestDatabase, type TestDatabase } from './lib/test-database';
export { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';
export { freePort } from './lib/free-port';
export { startService, WORKSPACE_ROOT, type ServiceName, type ServiceProcess } from './lib/service-process';
export { Browser, hiddenField, paramsOf, redirectOf, type Page } from './lib/browser';
export { startRequestTrap, type RequestTrap } from './lib/request-trap';
export { declaredClientsSetting, type DeclaredTestClient } from './lib/declared-clients';
