import * as z from 'zod/mini';
import {
  InvitationInfoSchema,
  PasswordCheckResultSchema,
  PasswordCheckSchema,
} from '@clientela/core/schemas';
import type { ServerContext } from '../context.js';
import { fail422, fieldIssue } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { usableInvitation } from '../service/invitations.js';
import { newPasswordIssues } from '../service/passwords.js';

/**
 * `GET /v1/public/invitations/:token` (what a set-password view pre-fills) and
 * `POST /v1/public/password-checks`: lets a form say why a new password would be refused before
 * anything is submitted. The common-password list lives only here (about 380 kB), so browsers
 * never download it; the form checks length and trivial patterns itself (core's rules) and asks
 * this route for the rest. Nothing is stored or logged.
 */
export function registerPasswordChecks(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'post',
    path: '/v1/public/password-checks',
    reads: true,
    tag: 'account',
    summary: 'Whether a new password is acceptable, with the localized reasons when not',
    access: 'public',
    request: { body: PasswordCheckSchema },
    responses: { 200: { description: 'The verdict', schema: PasswordCheckResultSchema } },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      const errors = (await newPasswordIssues(body.password)).map((code) => fieldIssue('password', code, locale));
      return c.json({ acceptable: errors.length === 0, errors });
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/invitations/:token',
    tag: 'account',
    summary: 'What the set-password view shows before the invitation is used: the e-mail it is for',
    description: 'Only the holder of the link learns the e-mail. Unknown → 422 `token_invalid`; used, expired or replaced → 410 with `token_used`, `token_expired` or `token_revoked`.',
    access: 'public',
    request: { params: z.object({ token: z.string() }) },
    responses: { 200: { description: 'The invitation', schema: InvitationInfoSchema }, 410: { description: 'Used, expired or replaced' } },
    handler: async (c, { params }) => {
      const locale = c.get('locale');
      const rec = await usableInvitation(ctx, params.token, locale);
      const customer = await ctx.store.getCustomer(rec.customerId);
      if (!customer || customer.status === 'deleted') fail422([fieldIssue('token', 'token_invalid', locale)]);
      return c.json({ ...(customer.email ? { email: customer.email } : {}), expiresAt: rec.expiresAt });
    },
  });
}

/** Refuses (422 at `path`) a new password that breaks a rule; for every route that sets one. */
export async function assertNewPassword(password: string, locale: Parameters<typeof fieldIssue>[2], path = 'password'): Promise<void> {
  const codes = await newPasswordIssues(password);
  if (codes.length) {
    fail422(codes.map((code) => fieldIssue(path, code, locale)));
  }
}
