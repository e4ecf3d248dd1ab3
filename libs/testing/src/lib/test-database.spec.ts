import { Client } from 'pg';
import { createTestDatabase } from './test-database';

async function query(url: string, sql: string) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it('creates a fresh, empty database and drops it', async () => {
    const database = await createTestDatabase('lib testing!');
    const name = new URL(database.url).pathname.slice(1);
    expect(name).toMatch(/^lib_testing__[0-9a-f]{12}$/);
    expect(await query(database.url, 'SELECT current_database() AS name')).toEqual([{ name }]);
    expect(
      await query(
        database.url,
        "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'",
      ),
    ).toEqual([{ n: 0 }]);

    await database.drop();
    await expect(query(database.url, 'SELECT 1')).rejects.toThrow(/does not exist/);
  });

  it('gives every call its own database', async () => {
    const [a, b] = await Promise.all([createTestDatabase('lib_testing'), createTestDatabase('lib_testing')]);
    try {
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });
});
