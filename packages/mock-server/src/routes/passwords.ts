import { PasswordCheckResultSchema, PasswordCheckSchema } from '@clientela/core';
import { fail422, fieldIssue } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { newPasswordIssues } from '../service/passwords.js';

/**
 * `POST /v1/public/password-checks`: lets a form say why a new password would be refused before
 * anything is submitted. The common-password list lives only here (about 380 kB), so browsers
 * never download it; the form checks length and trivial patterns itself (core's rules) and asks
 * this route for the rest. Nothing is stored or logged.
 */
export function registerPasswordChecks(router: Router): void {
  router.define({
    method: 'post',
    path: '/v1/public/password-checks',
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
}

/** Refuses (422 at `path`) a new password that breaks a rule; for every route that sets one. */
export async function assertNewPassword(password: string, locale: Parameters<typeof fieldIssue>[2], path = 'password'): Promise<void> {
  const codes = await newPasswordIssues(password);
  if (codes.length) {
    fail422(codes.map((code) => fieldIssue(path, code, locale)));
  }
}
