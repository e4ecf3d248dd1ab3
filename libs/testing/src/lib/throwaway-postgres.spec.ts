import { Client } from 'pg';
import { startThrowawayPostgres } from './throwaway-postgres';

describe('startThrowawayPostgres', () => {
  it('runs a cluster the test can stop and start again', async () => {
    const postgres = await startThrowawayPostgres();
    const query = async () => {
      const client = new Client({ connectionString: postgres.url });
      await client.connect();
      try {
        return (await client.query('SELECT 1 AS one')).rows;
      } finally {
        await client.end();
      }
    };
    try {
      expect(await query()).toEqual([{ one: 1 }]);
      await postgres.stop();
      await expect(query()).rejects.toThrow();
      await postgres.start();
      expect(await query()).toEqual([{ one: 1 }]);
    } finally {
      await postgres.destroy();
    }
  }, 60_000);
});
