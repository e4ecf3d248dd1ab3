export { openDatabase, type Database, type DatabaseOptions } from './lib/open-data-source';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './lib/embedded-postgres';
