import { invalidRequest } from '@oauth/oauth-errors';
import { z } from 'zod';
import type { ItemFields } from './item.repository';

// Strict: an unknown field is a client mistake worth reporting, not something to drop silently.
const itemBody = z.strictObject({
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
});

/** Validates a create/replace body or throws a 400 invalid_request naming the first problem. */
export function parseItemBody(body: unknown): ItemFields {
  const result = itemBody.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  throw invalidRequest(field ? `${field}: ${issue.message}` : `Invalid body: ${issue.message}`);
}
