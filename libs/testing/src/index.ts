export { createTestDatabase, type TestDatabase } from './lib/test-database';
export { startThrowawayPostgres, type ThrowawayPostgres } from './lib/throwaway-postgres';
