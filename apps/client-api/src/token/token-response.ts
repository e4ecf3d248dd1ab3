import { z } from 'zod';

/** RFC 6749 §5.1: a successful token response. */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  // RFC 6749 §7.1: a client must not use a token whose type it does not understand.
  token_type: z.string().refine((type) => type.toLowerCase() === 'bearer', 'expected a Bearer token'),
  expires_in: z.number().int().positive(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** RFC 6749 §5.2: an error response. */
export const tokenErrorSchema = z.object({
  error: z.string().min(1),
  error_description: z.string().optional(),
});
