export { createTestDatabase, type TestDatabase } from './lib/test-database';
