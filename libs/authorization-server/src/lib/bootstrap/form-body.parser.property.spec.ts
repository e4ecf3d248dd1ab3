import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerFormBodyParser } from './form-body.parser';

describe('form body parser properties (RFC 6749 Appendix B)', () => {
  let fastify: FastifyInstance;

  beforeAll(async () => {
    fastify = Fastify();
    registerFormBodyParser(fastify, 65_536);
    fastify.post('/echo', async (request) => ({ body: request.body, prototype: Object.getPrototypeOf(request.body) }));
    await fastify.ready();
  });
  afterAll(() => fastify.close());

  const pairs = fc.array(fc.tuple(fc.string({ minLength: 1, maxLength: 10 }), fc.string({ maxLength: 20 })), {
    maxLength: 8,
  });

  it('gives back every parameter, a repeated one as the list of its values in order', async () => {
    await fc.assert(
      fc.asyncProperty(pairs, async (entries) => {
        const response = await fastify.inject({
          method: 'POST',
          url: '/echo',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          payload: new URLSearchParams(entries).toString(),
        });
        const values = new Map<string, string[]>();
        for (const [name, value] of entries) values.set(name, [...(values.get(name) ?? []), value]);
        const expected = Object.fromEntries(
          [...values].map(([name, list]) => [name, list.length === 1 ? list[0] : list] as const),
        );
        expect(response.statusCode).toBe(200);
        expect(response.json().body).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets a parameter name reach the object prototype', async () => {
    const response = await fastify.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: '__proto__=x&constructor=y',
    });
    // JSON.parse makes "__proto__" an own property, as the parser must have kept it.
    expect(response.json()).toEqual(JSON.parse('{"body":{"__proto__":"x","constructor":"y"},"prototype":null}'));
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });
});
