import request from 'supertest';
import { issueAccessToken } from '../support/access-tokens';
import { startFakeJwksServer, type FakeJwksServer } from '../support/fake-jwks-server';
import { startResourceApi, type RunningResourceApi } from '../support/resource-api-harness';
import { createSigningKey, type TestSigningKey } from '../support/signing-keys';

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
export const NOT_FOUND = {
  error: 'not_found',
  error_description: 'No item has this id',
};

export interface ItemRow {
  name: string;
  description: string | null;
  created_by: string;
  updated_by: string;
}

/** The app, its key set, and the Authorization headers of a writing and a reading client. */
export interface ItemsFixture {
  api: RunningResourceApi;
  key: TestSigningKey;
  writer: string;
  reader: string;
  /** The row as stored, read past the API. */
  rowOf(id: string): Promise<ItemRow | undefined>;
  /** Creates an item through the API as the writing client; returns its id. */
  createItem(body?: object): Promise<string>;
  stop(): Promise<void>;
}

export async function startItemsFixture(): Promise<ItemsFixture> {
  const key = await createSigningKey('ES256', 'ec-1');
  const jwks: FakeJwksServer = await startFakeJwksServer([key.publicJwk]);
  const api = await startResourceApi(jwks.url);
  const writer = `Bearer ${await issueAccessToken(key, { scope: 'other.read other.write' })}`;
  const reader = `Bearer ${await issueAccessToken(key, { scope: 'other.read' })}`;
  return {
    api,
    key,
    writer,
    reader,
    async rowOf(id) {
      const rows = await api.dataSource.query<ItemRow[]>(
        'SELECT name, description, created_by, updated_by FROM items WHERE id = $1',
        [id],
      );
      return rows[0];
    },
    async createItem(body = { name: 'widget' }) {
      const response = await request(api.url).post('/items').set('authorization', writer).send(body);
      if (response.status !== 201) {
        throw new Error(`creating an item answered ${response.status}`);
      }
      return response.body.id;
    },
    async stop() {
      await api.stop();
      await jwks.close();
    },
  };
}
