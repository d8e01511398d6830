import { AccountLinkSettingsSchema, PasswordResetAcceptedSchema, PasswordResetRequestSchema } from '@clientela/core/schemas';
import { audit, type ServerContext } from '../context.js';
import { clientAddress } from '../http/client-address.js';
import { problem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { ACCOUNT_LINKS_KEY, accountLinkSettings, sendRecoveryLink, takeResetAllowance } from '../service/password-resets.js';

// Account recovery (#17 §4): "Esqueci minha senha" and the first access of migrated customers,
// through the invitation's single-use token and set-password route (`POST /v1/public/password`).

export function registerPasswordResets(router: Router, ctx: ServerContext, wake: () => void): void {
  router.define({
    method: 'post',
    path: '/v1/public/password-resets',
    tag: 'account',
    summary: 'Send a link to set a new password to the e-mail, if an account (or a migrated customer without a password) holds it',
    description:
      'Always 202 `{ accepted: true }`, at once: the lookup and the e-mail happen after the answer, so neither the answer nor its timing tells whether the e-mail has an account. The link (single use, valid for 60 minutes) opens the account page of `/v1/settings/account-links` with `token` and `purpose` (`reset`, or `first-access` for a customer brought from another platform without a password) and is used with `POST /v1/public/password`, which signs out every other session. A new link voids older links and invitations. Sent as a service message: no marketing consent needed. At most 3 requests per e-mail and 20 per client address an hour: then 429 with Retry-After, whether or not the e-mail has an account.',
    access: 'public',
    request: { body: PasswordResetRequestSchema },
    responses: {
      202: { description: 'Accepted (whether or not the e-mail has an account)', schema: PasswordResetAcceptedSchema },
      429: { description: 'Too many requests for this e-mail or from this address; wait Retry-After seconds' },
    },
    handler: async (c, { body }) => {
      const wait = await takeResetAllowance(ctx, body.email, clientAddress(c));
      if (wait > 0) return problem(c, 'too_many_attempts', 429, {}, { 'Retry-After': String(wait) });
      const locale = c.get('locale');
      const job = sendRecoveryLink(ctx, body.email, locale)
        .then((queued) => {
          if (queued) wake();
        })
        .catch((e: unknown) => console.error('clientela: password reset', e));
      ctx.background?.add(job);
      void job.finally(() => ctx.background?.delete(job));
      return c.json({ accepted: true as const }, 202);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/settings/account-links',
    tag: 'settings',
    summary: 'The account page that access links (recovery, first access) open',
    access: 'secret',
    responses: { 200: { description: 'The setting', schema: AccountLinkSettingsSchema } },
    handler: async (c) => c.json(await accountLinkSettings(ctx), 200),
  });

  router.define({
    method: 'put',
    path: '/v1/settings/account-links',
    tag: 'settings',
    summary: 'Set the account page that access links open (`null`: no recovery link is sent)',
    access: 'secret',
    request: { body: AccountLinkSettingsSchema },
    responses: { 200: { description: 'The setting', schema: AccountLinkSettingsSchema }, 422: { description: 'Not an http(s) address' } },
    handler: async (c, { body }) => {
      await ctx.store.setMeta(ACCOUNT_LINKS_KEY, body);
      await audit(ctx, c, { action: 'settings.update', detail: 'account-links', count: 0 });
      return c.json(body, 200);
    },
  });
}
