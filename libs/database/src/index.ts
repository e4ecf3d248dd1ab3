export { openDatabase, type Database, type DatabaseOptions } from './lib/open-data-source';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
export { isDatabaseUnavailable } from './lib/database-unavailable';
export { DatabaseAwareErrorFilter } from './lib/database-aware-error.filter';
export { isDatabaseReachable } from './lib/database-reachable';
export { PostgresHealthIndicator } from './lib/postgres.health-indicator';
