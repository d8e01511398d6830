import { customerWritten } from '../service/events.js';
import { auditConsent, resolveTextVersion, SHOPPER } from '../service/consent.js';
import * as z from 'zod/mini';
import { customerDisplayName, digitsOnly } from '@clientela/core/format';
import {
  CepAddressSchema,
  CustomerSchema,
  PasswordSetSchema,
  PublicRegistrationSchema,
  RegistrationPendingSchema,
  SessionCreateSchema,
  SessionSchema,
  SETTABLE_STATUSES,
  type Customer,
} from '@clientela/core/schemas';
import { audit, etag, inTransaction, sha256, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import { idempotent, type Outcome } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem, problem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import type { CepLookup } from '../service/cep.js';
import { accountForEmail, loginEmail, setCredential } from '../service/accounts.js';
import { closeAllSessions, openSession } from '../service/sessions.js';
import { catalogOf, queueRegistration, takeApprovedNotice } from './approvals.js';
import { invitationKey, usableInvitation, type TokenRecord } from '../service/invitations.js';
import { assertNewPassword } from './passwords.js';
import { prepareCustomer, type CustomerInput } from '../service/customers.js';
import { StoreConflict } from '../store/types.js';
import { clearSignInAttempts, takeSignInAttempt } from '../service/throttle.js';
import { claimedRecord, claimKey, claimWritten, heldAlready, sendClaimLink, type ClaimRecord, type RegistrationAttempt } from '../service/registration-claims.js';


export function registerPublic(router: Router, ctx: ServerContext, cep: CepLookup, wakeMessages?: () => void): void {
  router.define({
    method: 'get',
    path: '/v1/cep/:cep',
    tag: 'addresses',
    summary: 'Address of a CEP: from the real CEP services when the server runs with --cep online (cached), else from what ships with it',
    description:
      'Offline (the default): the street address for the CEPs of the bundled table; else the city, UF and IBGE code of the municipality whose Correios CEP range holds it (`precision: city`, empty street); else the UF of the CEP\'s range (`precision: state`, empty street and city; the in-page server answers only this). Online (`--cep online` or `CLIENTELA_CEP=online`): ViaCEP and BrasilAPI raced through @brazilian-utils/brazilian-utils, the city spelled as the IBGE list of municipalities does, cached in the store (30 days; a CEP the services do not know, 1 day: 404); when the services fail or take over 4 s, the offline answer.',
    access: 'public',
    request: { params: z.object({ cep: z.string() }) },
    responses: { 200: { description: 'The address', schema: CepAddressSchema }, 404: { description: 'No such CEP known (offline: outside every UF range; online: unknown to the services)' } },
    handler: async (c, { params }) => {
      if (!/^\d{5}-?\d{3}$/.test(params.cep.trim())) fail422([fieldIssue('cep', 'invalid_cep', c.get('locale'))]);
      const hit = await cep.lookup(ctx, digitsOnly(params.cep));
      if (!hit) throw new HttpProblem('not_found', 404);
      return c.json(hit);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/public/registrations',
    tag: 'account',
    summary: 'Storefront self-registration (optional password; account active when given)',
    description:
      'A registration whose document or e-mail the store already holds (a customer a seller registered, one from the point of sale or an import, a guest who registered without a password, or an account) creates nothing and answers 202 `{ accepted: true, next: "check_email" }` — the same answer whatever that record is, so it tells nobody whether it has a password, an e-mail or orders. After the answer, a single-use link (60 minutes; a newer one voids the older) goes to the e-mail the store has on file: `purpose=claim` for a record without a password — used with `POST /v1/public/password`, it sets the password, signs in, keeps the record (orders, credits, categories) and records the consent given on the form — or `purpose=reset` for an account. Nothing is sent for a record without an e-mail, a blocked one or one waiting for approval (the shopper is told to contact the store if no e-mail arrives), nor beyond 3 links an hour per e-mail and per document. The password of such a registration is not kept: the link sets it.',
    access: 'public',
    request: { body: PublicRegistrationSchema, headers: [{ name: 'Idempotency-Key', description: 'Replays the first response.' }] },
    responses: {
      201: { description: 'The new customer', schema: CustomerSchema, headers: ['ETag'] },
      202: { description: 'The store already holds the document or e-mail: check your e-mail to finish', schema: RegistrationPendingSchema },
      409: { description: 'Document kept (as a one-way hash) from an anonymized customer' },
    },
    handler: async (c, { body }) => {
      // A shopper registers themself: fields only the store may set (status, categories,
      // discount, notes, source) are ignored rather than trusted.
      const { password, consentTextVersion, status: _s, categoryIds: _c, discountPercent: _d, notes: _n, source: _o, ...input } = body as typeof body & { password?: string };
      // The text the form showed must be one the store wrote (checked before anything is written).
      if (consentTextVersion !== undefined) await resolveTextVersion(ctx, 'marketing', consentTextVersion, c.get('locale'), 'consentTextVersion');
      // A private catalog: registration is off, or a request the store approves (with the
      // password the shopper will sign in with once approved).
      const { selfRegistration } = await catalogOf(ctx);
      if (selfRegistration === 'off') throw new HttpProblem('registration_closed', 403);
      if (selfRegistration === 'approval' && !password) fail422([fieldIssue('password', 'required', c.get('locale'))]);
      if (password) await assertNewPassword(password, c.get('locale'));
      // Hashed before the transaction, which should hold its lock (or rows) only briefly.
      const hash = password ? await ctx.passwords.hash(password) : undefined;
      // A registration that meets a record the store holds answers 202; the link is sent after
      // the answer (below), so neither the answer nor its timing says what that record is.
      let claim: RegistrationAttempt | undefined;
      const pending = (): Outcome => {
        claim = { document: input.document, email: input.email, marketingConsent: input.marketingConsent, consentTextVersion };
        return { status: 202, body: { accepted: true, next: 'check_email' } };
      };
      const response = await idempotent(ctx, c, 'public.registrations', async (t) => {
        // Every field is checked first: a registration with bad input gets its 422 whether or not
        // its document is known, so the errors say nothing about the store's records either.
        let customer: Customer;
        try {
          customer = await prepareCustomer(t, input as CustomerInput, {
            locale: c.get('locale'),
            source: 'storefront',
            account: selfRegistration === 'approval' ? 'pending' : hash ? 'active' : 'none',
            hideExistingId: true,
          });
        } catch (e) {
          // A held document (not one kept as a hash of an anonymized customer, which stays 409).
          if (e instanceof HttpProblem && e.kind === 'duplicate_document' && (await heldAlready(t, input.document, undefined))) return pending();
          throw e;
        }
        // An e-mail belongs to one account: a registration never takes over another record's
        // e-mail; its holder is sent the link instead.
        if (customer.email && (await heldAlready(t, customer.document, customer.email))) return pending();
        try {
          await t.store.insertCustomer(customer);
        } catch (e) {
          // A concurrent registration won the document: answer as the check above would.
          if (e instanceof StoreConflict) return pending();
          throw e;
        }
        await auditConsent(t, c, customer, await customerWritten(t, undefined, customer, { source: 'storefront', recordedBy: SHOPPER, textVersion: { marketing: consentTextVersion } }));
        if (hash) await setCredential(t, customer, hash);
        if (selfRegistration === 'approval') await queueRegistration(t, customer);
        await audit(t, c, { action: 'customer.create', target: customer.id, targetName: customerDisplayName(customer), source: customer.source, count: 1 });
        ctx.version++;
        return { status: 201, body: customer, headers: { ETag: etag(customer.version) } };
      });
      // Only the request that decided (a replay of its Idempotency-Key sends nothing again).
      if (claim && response.status === 202) {
        const attempt = claim;
        const job = sendClaimLink(ctx, attempt, c.get('locale'))
          .then((queued) => {
            if (queued) wakeMessages?.();
          })
          .catch((e: unknown) => console.error('clientela: registration claim', e));
        ctx.background?.add(job);
        void job.finally(() => ctx.background?.delete(job));
      }
      return response;
    },
  });

  router.define({
    method: 'post',
    path: '/v1/public/sessions',
    tag: 'account',
    summary: 'Sign in with e-mail and password',
    description:
      'A wrong password and an unknown e-mail give the same 401, after the same amount of work. After 5 attempts without success, an e-mail waits 1 s, 2 s, 4 s … (up to 15 min) between attempts: 429 `too-many-attempts` with Retry-After, whether or not an account holds it.',
    access: 'public',
    request: { body: SessionCreateSchema },
    responses: {
      201: { description: 'A session', schema: SessionSchema },
      401: { description: 'Wrong e-mail or password' },
      429: { description: 'Too many attempts for this e-mail (or from this address); wait Retry-After seconds' },
    },
    handler: async (c, { body }) => {
      const wait = await takeSignInAttempt(ctx, body.email);
      if (wait > 0) return problem(c, 'too_many_attempts', 429, {}, { 'Retry-After': String(wait) });
      const account = await accountForEmail(ctx, body.email);
      const ok = await ctx.passwords.verify(body.password, account?.hash);
      if (!ok || !account) return problem(c, 'invalid_credentials', 401);
      await clearSignInAttempts(ctx, body.email);
      // Told only after the password matched: a private catalog's outcome is the shopper's own business.
      if (account.customer.account.status === 'pending') return problem(c, 'account_pending', 403);
      if (account.customer.account.status === 'refused') return problem(c, 'account_refused', 403);
      const session = await openSession(ctx, account.customer);
      return c.json((await takeApprovedNotice(ctx, account.customer.id)) ? { ...session, notice: 'approved' as const } : session, 201);
    },
  });

  router.define({
    method: 'post',
    path: '/v1/public/password',
    tag: 'account',
    summary: 'Set a password with an invitation token (single use, expiring)',
    description:
      'Unknown token → 422 `token_invalid`; used → 410 `token_used`; expired → 410 `token_expired`; replaced by a newer invitation → 410 `token_revoked`. The password signs in with the e-mail of the customer the invitation was issued for, whoever used that e-mail before. Every other session of the customer ends. Recovery links (`POST /v1/public/password-resets`) use this route too, and so do claim links (a registration that met a record without a password): using one also records the marketing consent given on the registration form (grants only, with the text version it showed), writes `consent.record` (each consent recorded) and `customer.claim` to the data log and emits `customer.updated` (`account`) and `consent.updated` when the consent changed.',
    access: 'public',
    request: { body: PasswordSetSchema },
    responses: { 200: { description: 'Signed in', schema: SessionSchema }, 410: { description: 'Token used or expired' } },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      const key = `token:${sha256(body.token)}`;
      const rec = await usableInvitation(ctx, body.token, locale);
      const tokenHash = sha256(body.token);
      const gone = (code: 'token_used' | 'token_revoked') => new HttpProblem('token_gone', 410, { errors: [fieldIssue('token', code, locale)] });
      const latest = async (store: ServerContext['store']) => (await store.getMeta<{ tokenHash: string }>(invitationKey(rec.customerId)))?.tokenHash ?? tokenHash;
      // The invitation is for one person: the e-mail typed must be the one the store registered.
      const invited = await ctx.store.getCustomer(rec.customerId);
      if (!invited?.email || loginEmail(invited.email) !== loginEmail(body.email)) fail422([fieldIssue('email', 'email_mismatch', locale)]);
      await assertNewPassword(body.password, locale);
      const hash = await ctx.passwords.hash(body.password);
      const session = await inTransaction(ctx, async (t) => {
        // Spending the token is an insert under its own key: of two requests with one token, in
        // any processes, the store lets exactly one through.
        if (!(await t.store.claimMeta(`spent:${tokenHash}`, { at: ctx.now().toISOString() }, ctx.now().toISOString(), rec.expiresAt))) throw gone('token_used');
        const again = await t.store.getMeta<TokenRecord>(key);
        if (!again || again.used) throw gone('token_used');
        if ((await latest(t.store)) !== tokenHash) throw gone('token_revoked');
        const customer = await t.store.getCustomer(rec.customerId);
        if (!customer || customer.status === 'deleted') fail422([fieldIssue('token', 'token_invalid', locale)]);
        await t.store.setMeta(key, { ...again, used: true });
        await setCredential(t, customer, hash);
        const claim = await t.store.getMeta<ClaimRecord>(claimKey(tokenHash));
        const next = claim ? claimedRecord(t, customer, claim) : { ...customer, account: { status: 'active' as const }, updatedAt: ctx.now().toISOString(), version: customer.version + 1 };
        if (!(await t.store.updateCustomer(next, customer.version))) throw new HttpProblem('write_conflict', 409);
        if (claim) await claimWritten(t, c, customer, next, claim);
        // A new password (a recovery link, say, after a stolen one) ends every other session.
        await closeAllSessions(t, customer.id);
        return openSession(t, next);
      });
      ctx.version++;
      return c.json(session);
    },
  });
}
