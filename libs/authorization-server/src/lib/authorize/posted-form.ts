import type { FastifyRequest } from 'fastify';

/** A form body as the form parser leaves it (repeated fields as arrays); anything else counts as empty. */
export function readForm(request: FastifyRequest): Record<string, string | string[]> {
  const body = request.body;
  return typeof body === 'object' && body !== null ? (body as Record<string, string | string[]>) : {};
}

/** One field's value; missing or repeated fields read as empty. */
export function formField(form: Record<string, string | string[]>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}
