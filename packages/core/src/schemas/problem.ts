import * as z from 'zod/mini';

export const ProblemFieldErrorSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});

/**
 * RFC 9457 problem details (`application/problem+json`). Extension members (for example
 * `existingId` on a duplicate document, `current` on a stale write) are kept.
 */
export const ProblemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(ProblemFieldErrorSchema)),
});

export type Problem = z.infer<typeof ProblemSchema>;
export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;
