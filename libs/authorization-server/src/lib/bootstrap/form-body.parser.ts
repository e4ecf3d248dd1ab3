import type { FastifyInstance } from 'fastify';

/** No OAuth parameter may hold a NUL (RFC 6749 Appendix A); Postgres text cannot store one either. */
const NUL = '\u0000';

/** A 400 that the exception filter answers with `invalid_request`. */
const nulParameter = () => Object.assign(new Error('A form parameter contains a NUL character'), { statusCode: 400 });

/**
 * Parses application/x-www-form-urlencoded bodies, keeping a repeated parameter as an array so
 * the endpoint can refuse it (RFC 6749 §3.1). Larger bodies are refused before parsing.
 */
export function registerFormBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit },
    (_request, body, done) => {
      const form: Record<string, string | string[]> = Object.create(null);
      for (const [name, value] of new URLSearchParams(body as string)) {
        if (name.includes(NUL) || value.includes(NUL)) {
          done(nulParameter(), undefined);
          return;
        }
        const previous = form[name];
        if (previous === undefined) form[name] = value;
        else form[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
      }
      done(null, form);
    },
  );
}
