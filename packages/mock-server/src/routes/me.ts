import { customerWritten } from '../service/events.js';
import { auditConsent, resolveTextVersion, SHOPPER } from '../service/consent.js';
import {
  benefitsOf,
  BenefitsSchema,
  CreditListSchema,
  CustomerSchema,
  OrderPageSchema,
  PasswordChangeSchema,
  ProfilePatchSchema,
  type Customer,
} from '@clientela/core/schemas';
import type { Context } from 'hono';
import { audit, etag, inTransaction, settingsOf, type ServerContext } from '../context.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { credentialKey, loginEmail, moveLogin, setCredential } from '../service/accounts.js';
import { applyPatch, changedFields, checkSettings } from '../service/customers.js';
import { creditsOf } from '../service/credits.js';
import { orderPage } from './orders.js';
import { closeAllSessions, closeSession, customerOfSession, keepSession } from '../service/sessions.js';
import { customerDisplayName } from '@clientela/core/format';
import { checkIfMatch, PageQuery } from './customers.js';
import { assertNewPassword } from './passwords.js';

// The signed-in shopper's own area ("Minha conta"), under /v1/public/me. Every route takes the
// publishable key (like the rest of the storefront) plus the session token in `Clientela-Session`,
// and reads the customer from the session only: no route here takes a customer id, so a shopper
// can reach nobody else's record.

const SESSION = { name: 'Clientela-Session', required: true, description: 'The token of `POST /v1/public/sessions` (or of setting a password).' };
const SESSION_401 = { description: 'No session (`session-required`), or it expired or was ended (`session-expired`)' };

function sessionToken(c: Context<AppEnv>): string | undefined {
  return c.req.header('Clientela-Session')?.trim() || undefined;
}

function me(ctx: ServerContext, c: Context<AppEnv>): Promise<Customer> {
  return customerOfSession(ctx, sessionToken(c));
}

export function registerMe(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/public/me',
    tag: 'account',
    summary: "The signed-in shopper's own record",
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'The record', schema: CustomerSchema, headers: ['ETag'] }, 401: SESSION_401 },
    handler: async (c) => {
      const customer = await me(ctx, c);
      return c.json(customer, 200, { ETag: etag(customer.version) });
    },
  });

  router.define({
    method: 'patch',
    path: '/v1/public/me',
    tag: 'account',
    summary: 'Change own data, with the rules of registration (If-Match required)',
    description:
      'Only contact, name, birth date, company names and registrations, address and consent; document, kind, status, categories, discount and notes stay with the store. Required fields of the registration settings cannot be cleared, hidden ones cannot be set. A new e-mail must not be another account\'s (409 `email_taken`); sign-in follows it.',
    access: 'public',
    request: { body: ProfilePatchSchema, headers: [SESSION, { name: 'If-Match', required: true, description: 'The ETag read (`"<version>"`).' }] },
    responses: {
      200: { description: 'The updated record', schema: CustomerSchema, headers: ['ETag'] },
      401: SESSION_401,
      409: { description: 'E-mail used by another account' },
      412: { description: 'Stale If-Match; `current` is the current record' },
      428: { description: 'If-Match missing' },
    },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      const current = await me(ctx, c);
      checkIfMatch(c.req.header('If-Match'), current.version, current);
      const { consentTextVersion, ...patch } = body;
      if (consentTextVersion !== undefined) await resolveTextVersion(ctx, 'marketing', consentTextVersion, locale, 'consentTextVersion');
      const next = await applyPatch(ctx, current, patch, locale);
      // Registration's field rules, on the record as it would be: required ones stay filled;
      // hidden ones may stay as the store set them but the shopper cannot set them.
      const sent = new Set(Object.entries(body).filter(([, v]) => v !== null && v !== undefined).map(([k]) => k));
      const issues = checkSettings(next.kind, next as unknown as Record<string, unknown>, await settingsOf(ctx), locale).filter(
        (i) => i.code === 'required' || sent.has(i.path),
      );
      if (issues.length) fail422(issues);
      const emailChanged = loginEmail(next.email ?? '') !== loginEmail(current.email ?? '');
      if (emailChanged && next.email && (await ctx.store.findByEmail(loginEmail(next.email))).some((o) => o.id !== current.id)) {
        throw new HttpProblem('duplicate_email', 409, { errors: [fieldIssue('email', 'email_taken', locale)] });
      }
      await inTransaction(ctx, async (t) => {
        if (!(await t.store.updateCustomer(next, current.version))) {
          const now = await t.store.getCustomer(current.id);
          throw new HttpProblem('precondition_failed', 412, { current: now }, { ETag: etag(now?.version ?? current.version) });
        }
        await auditConsent(t, c, next, await customerWritten(t, current, next, { source: 'storefront', recordedBy: SHOPPER, textVersion: { marketing: consentTextVersion } }));
        if (emailChanged) await moveLogin(t, next, current.email);
        await audit(t, c, { action: 'customer.update', target: next.id, targetName: customerDisplayName(next), changes: changedFields(current, next), source: 'storefront', count: 1 });
      });
      ctx.version++;
      return c.json(next, 200, { ETag: etag(next.version) });
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/me/orders',
    tag: 'account',
    summary: "The signed-in shopper's orders, newest first (cursor pages)",
    access: 'public',
    request: { query: PageQuery, headers: [SESSION] },
    responses: { 200: { description: 'One page of orders', schema: OrderPageSchema }, 401: SESSION_401 },
    handler: async (c, { query }) => c.json(await orderPage(ctx, { ...query, customerId: (await me(ctx, c)).id }, c.get('locale'))),
  });

  router.define({
    method: 'get',
    path: '/v1/public/me/credits',
    tag: 'account',
    summary: "The signed-in shopper's credits, nearest expiry first",
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'Credits', schema: CreditListSchema }, 401: SESSION_401 },
    handler: async (c) => c.json(await creditsOf(ctx, (await me(ctx, c)).id)),
  });

  router.define({
    method: 'get',
    path: '/v1/public/me/benefits',
    tag: 'account',
    summary: "The signed-in shopper's discounts and the one that applies (the largest)",
    description: "The customer's own `discountPercent` and those of their active categories (automatic ones included); discounts do not add up, the largest applies (the customer's own first on a tie), and `appliedFrom` says which. An inactive category gives none.",
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'Benefits', schema: BenefitsSchema }, 401: SESSION_401 },
    handler: async (c) => c.json(benefitsOf(await me(ctx, c), await ctx.store.listCategories())),
  });

  router.define({
    method: 'put',
    path: '/v1/public/me/password',
    tag: 'account',
    summary: 'Change the password (the current one is required); other sessions end',
    description: 'A wrong current password → 422 `wrong_current_password` on `currentPassword`. The new one follows the rules of every new password. The calling session stays open; every other session of the account ends.',
    access: 'public',
    request: { body: PasswordChangeSchema, headers: [SESSION] },
    responses: { 204: { description: 'Changed' }, 401: SESSION_401 },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      const customer = await me(ctx, c);
      const stored = await ctx.store.getMeta<string>(credentialKey(customer.id));
      if (!(await ctx.passwords.verify(body.currentPassword, stored))) fail422([fieldIssue('currentPassword', 'wrong_current_password', locale)]);
      await assertNewPassword(body.password, locale);
      const hash = await ctx.passwords.hash(body.password);
      const token = sessionToken(c)!;
      // Re-read after the awaits: the session may have ended meanwhile.
      const again = await customerOfSession(ctx, token);
      await inTransaction(ctx, async (t) => {
        await setCredential(t, again, hash);
        await closeAllSessions(t, again.id);
        await keepSession(t, token);
        await audit(t, c, { action: 'customer.update', target: again.id, targetName: customerDisplayName(again), changes: ['password'], source: 'storefront', count: 1 });
      });
      return c.body(null, 204);
    },
  });

  router.define({
    method: 'delete',
    path: '/v1/public/me/session',
    tag: 'account',
    summary: 'Sign out: ends this session',
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 204: { description: 'Signed out (also when the session had already ended)' } },
    handler: async (c) => {
      const token = sessionToken(c);
      if (token) await closeSession(ctx, token);
      return c.body(null, 204);
    },
  });
}
