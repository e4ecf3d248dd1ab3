import request from 'supertest';
import { ISO_DATE, NOT_FOUND, UNKNOWN_ID, startItemsFixture, type ItemsFixture } from './items.fixture';

describe('GET /items, open to anonymous callers', () => {
  let f: ItemsFixture;

  beforeAll(async () => {
    f = await startItemsFixture();
  });

  afterAll(async () => {
    await f?.stop();
  });

  it('lists the items', async () => {
    const id = await f.createItem({ name: 'listed' });
    const response = await request(f.api.url).get('/items');
    expect(response.status).toBe(200);
    expect(response.body).toEqual(expect.arrayContaining([expect.objectContaining({ id, name: 'listed' })]));
  });

  it('reads one item', async () => {
    const id = await f.createItem({
      name: 'single',
      description: 'just one',
    });
    const response = await request(f.api.url).get(`/items/${id}`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      id,
      name: 'single',
      description: 'just one',
      createdBy: 'client',
      updatedBy: 'client',
      createdAt: expect.stringMatching(ISO_DATE),
      updatedAt: expect.stringMatching(ISO_DATE),
    });
  });

  it('answers 404 for an unknown id', async () => {
    const response = await request(f.api.url).get(`/items/${UNKNOWN_ID}`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });

  it('answers 404, not 500, for a malformed id', async () => {
    const response = await request(f.api.url).get('/items/not-a-uuid');
    expect(response.status).toBe(404);
    expect(response.body).toEqual(NOT_FOUND);
  });
});
