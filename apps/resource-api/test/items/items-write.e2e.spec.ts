import request from 'supertest';
import { issueAccessToken } from '../support/access-tokens';
import { ISO_DATE, NOT_FOUND, UNKNOWN_ID, UUID, startItemsFixture, type ItemsFixture } from './items.fixture';

describe('changing /items (scope other.write)', () => {
  let f: ItemsFixture;

  beforeAll(async () => {
    f = await startItemsFixture();
  });

  afterAll(async () => {
    await f?.stop();
  });

  describe('POST /items', () => {
    it('needs a token (RFC 6750 §3.1: no error code without credentials)', async () => {
      const response = await request(f.api.url).post('/items').send({ name: 'anonymous' });
      expect(response.status).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer realm="other"');
      expect(response.body).toEqual({
        error: 'invalid_token',
        error_description: 'A bearer token is required',
      });
    });

    it('answers 401 invalid_token for a bad token', async () => {
      const response = await request(f.api.url).post('/items').set('authorization', 'Bearer x.y.z').send({ name: 'x' });
      expect(response.status).toBe(401);
      expect(response.body.error).toBe('invalid_token');
    });

    it('answers 403 insufficient_scope to a token without other.write', async () => {
      const response = await request(f.api.url)
        .post('/items')
        .set('authorization', f.reader)
        .send({ name: 'read-only' });
      expect(response.status).toBe(403);
      expect(response.headers['www-authenticate']).toBe(
        'Bearer realm="other", error="insufficient_scope", error_description="The token lacks the scope other.write", scope="other.write"',
      );
      expect(response.body).toEqual({
        error: 'insufficient_scope',
        error_description: 'The token lacks the scope other.write',
      });
      const count = await f.api.dataSource.query<{ n: number }[]>(
        "SELECT count(*)::int AS n FROM items WHERE name = 'read-only'",
      );
      expect(count[0].n).toBe(0);
    });

    it('creates the item, recording the client, and answers 201 with it', async () => {
      const response = await request(f.api.url).post('/items').set('authorization', f.writer).send({ name: 'created' });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        id: expect.stringMatching(UUID),
        name: 'created',
        description: null,
        createdBy: 'client',
        updatedBy: 'client',
        createdAt: expect.stringMatching(ISO_DATE),
        updatedAt: expect.stringMatching(ISO_DATE),
      });
      expect(await f.rowOf(response.body.id)).toEqual({
        name: 'created',
        description: null,
        created_by: 'client',
        updated_by: 'client',
      });
    });

    it.each([
      ['no name', {}, 'name: Invalid input: expected string, received undefined'],
      ['an empty name', { name: '' }, 'name: Too small: expected string to have >=1 characters'],
      [
        'a name of 201 characters',
        { name: 'x'.repeat(201) },
        'name: Too big: expected string to have <=200 characters',
      ],
      ['a numeric name', { name: 7 }, 'name: Invalid input: expected string, received number'],
      [
        'a description of 2001 characters',
        { name: 'ok', description: 'x'.repeat(2001) },
        'description: Too big: expected string to have <=2000 characters',
      ],
      ['an unknown field', { name: 'ok', colour: 'red' }, 'Invalid body: Unrecognized key: "colour"'],
      ['an array', [{ name: 'ok' }], 'Invalid body: Invalid input: expected object, received array'],
    ])('answers 400 invalid_request to a body with %s', async (_case, body, description) => {
      const response = await request(f.api.url).post('/items').set('authorization', f.writer).send(body);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'invalid_request',
        error_description: description,
      });
    });

    it('answers 400 invalid_request to a body that is not JSON', async () => {
      const response = await request(f.api.url)
        .post('/items')
        .set('authorization', f.writer)
        .set('content-type', 'application/json')
        .send('{"name":');
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('invalid_request');
    });

    it('answers 400 invalid_request to a request without a body', async () => {
      const response = await request(f.api.url).post('/items').set('authorization', f.writer);
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'invalid_request',
        error_description: 'Invalid body: Invalid input: expected object, received undefined',
      });
    });
  });

  describe('PUT /items/:id', () => {
    it('replaces the item, recording who changed it, and answers 204', async () => {
      const id = await f.createItem({ name: 'before', description: 'old' });
      const otherWriter = await issueAccessToken(f.key, {
        subject: 'other-client',
        clientId: 'other-client',
        scope: 'other.write',
      });
      const response = await request(f.api.url)
        .put(`/items/${id}`)
        .set('authorization', `Bearer ${otherWriter}`)
        .send({ name: 'after' });
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect(await f.rowOf(id)).toEqual({
        name: 'after',
        description: null,
        created_by: 'client',
        updated_by: 'other-client',
      });
    });

    it('needs a token with other.write', async () => {
      const id = await f.createItem({ name: 'guarded' });
      const anonymous = await request(f.api.url).put(`/items/${id}`).send({ name: 'changed' });
      expect(anonymous.status).toBe(401);
      const readOnly = await request(f.api.url)
        .put(`/items/${id}`)
        .set('authorization', f.reader)
        .send({ name: 'changed' });
      expect(readOnly.status).toBe(403);
      expect(readOnly.body.error).toBe('insufficient_scope');
      expect((await f.rowOf(id))?.name).toBe('guarded');
    });

    it('answers 400 invalid_request to an invalid body and changes nothing', async () => {
      const id = await f.createItem({ name: 'kept' });
      const response = await request(f.api.url).put(`/items/${id}`).set('authorization', f.writer).send({ name: '' });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('invalid_request');
      expect((await f.rowOf(id))?.name).toBe('kept');
    });

    it.each([UNKNOWN_ID, 'not-a-uuid'])('answers 404 for the id %s', async (id) => {
      const response = await request(f.api.url).put(`/items/${id}`).set('authorization', f.writer).send({ name: 'x' });
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
    });
  });

  describe('DELETE /items/:id', () => {
    it('deletes the item and answers 204', async () => {
      const id = await f.createItem({ name: 'doomed' });
      const response = await request(f.api.url).delete(`/items/${id}`).set('authorization', f.writer);
      expect(response.status).toBe(204);
      expect(await f.rowOf(id)).toBeUndefined();
      const again = await request(f.api.url).delete(`/items/${id}`).set('authorization', f.writer);
      expect(again.status).toBe(404);
      expect(again.body).toEqual(NOT_FOUND);
    });

    it('needs a token with other.write', async () => {
      const id = await f.createItem({ name: 'survivor' });
      expect((await request(f.api.url).delete(`/items/${id}`)).status).toBe(401);
      const readOnly = await request(f.api.url).delete(`/items/${id}`).set('authorization', f.reader);
      expect(readOnly.status).toBe(403);
      expect(await f.rowOf(id)).toBeDefined();
    });

    it('answers 404 for a malformed id', async () => {
      const response = await request(f.api.url).delete('/items/42').set('authorization', f.writer);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
    });
  });
});
