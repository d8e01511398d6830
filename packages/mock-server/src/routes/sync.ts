import { customerWritten } from '../service/events.js';
import { actorOf, consentSourceOf } from '../service/consent.js';
import * as z from 'zod/mini';
import { customerDisplayName, normalizeDocument } from '@clientela/core/format';
import { CnpjSchema, CpfSchema, CustomerSchema, CustomerSyncSchema, parseWith, sourcesOf, type Customer, type ExternalIds } from '@clientela/core/schemas';
import { audit, etag, type ServerContext } from '../context.js';
import { conflictProblem } from '../http/conflict.js';
import { idempotent } from '../http/idempotency.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import type { Router } from '../openapi/define-route.js';
import { applyPatch, changedFields, prepareCustomer, sameWritable, type CustomerInput } from '../service/customers.js';
import { StoreConflict } from '../store/types.js';

// Sync by document (#16 §2): a point of sale, another online store or a seller's app pushes the
// customers it knows, keyed by CPF/CNPJ, without ever making a second customer of one person.

const DocumentParams = z.object({ document: z.string().check(z.maxLength(40)) });
const IDEMPOTENCY = { name: 'Idempotency-Key', description: 'Replays the first response for a repeated request with the same body.' };

/** Two external-id maps hold the same ids (key order aside). */
function sameIds(a: ExternalIds, b: ExternalIds): boolean {
  const ka = Object.keys(a).filter((k) => a[k as keyof ExternalIds] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k as keyof ExternalIds] !== undefined);
  return ka.length === kb.length && ka.every((k) => a[k as keyof ExternalIds] === b[k as keyof ExternalIds]);
}

export function registerSync(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'put',
    path: '/v1/customers/by-document/:document',
    tag: 'customers',
    summary: 'Create or update the customer who holds this CPF/CNPJ (sync from a point of sale or another store)',
    description:
      'The document (with or without punctuation) names the customer; `source` says which system is syncing and `externalId` its own id for the customer. With no customer (not deleted) holding the document, one is created (201) with `source` as its origin. Otherwise the fields the body carries replace the stored ones, the others stay, `source` joins the customer\'s `sources` and `externalId` is kept under `externalIds[source]` (200). The registration settings (required and hidden fields of the forms) do not apply: a point of sale that never asks for an e-mail still syncs its customers; every field sent is checked as on a create. A body that changes nothing writes nothing: the same version comes back, nothing is logged. An external id is unique per system among customers that are not deleted (409 `duplicate_external_id`, `existingId`). Requests for one document are serialized across server processes, so two systems syncing the same person at once end with one customer. With `Idempotency-Key` a retry returns the first answer.',
    access: 'secret',
    request: { params: DocumentParams, body: CustomerSyncSchema, headers: [IDEMPOTENCY] },
    responses: {
      200: { description: 'The customer, updated or unchanged', schema: CustomerSchema, headers: ['ETag', 'Location'] },
      201: { description: 'Created', schema: CustomerSchema, headers: ['ETag', 'Location'] },
      409: { description: 'Another customer holds this external id in this system; `existingId` names it' },
      422: { description: 'Invalid body, or a document that is not a valid CPF (person) or CNPJ (company), or a body `document` other than the path\'s (`document_mismatch`)' },
    },
    handler: (c, { params, body }) =>
      idempotent(ctx, c, 'customers.sync', async (t) => {
        const locale = c.get('locale');
        const document = normalizeDocument(params.document);
        const checked = parseWith(body.kind === 'person' ? CpfSchema : CnpjSchema, document, locale);
        if (!checked.success) fail422(checked.issues.map((i) => ({ ...i, path: 'document' })));
        if (body.document !== undefined && normalizeDocument(body.document) !== document) fail422([fieldIssue('document', 'document_mismatch', locale)]);
        const { source, externalId, document: _document, kind, ...fields } = body;

        // Held to the end of the transaction: two processes syncing this document take turns.
        await t.store.lockDocument(document);
        const current = await t.store.findByDocument(document);
        if (externalId !== undefined) {
          const holder = await t.store.findByExternalId(source, externalId);
          if (holder && holder.id !== current?.id) throw conflictProblem(new StoreConflict('external_id', holder.id), locale);
        }
        const headersOf = (x: Customer) => ({ ETag: etag(x.version), Location: `/v1/customers/${x.id}` });

        if (!current) {
          const created = await prepareCustomer(t, { ...fields, kind, document } as CustomerInput, { locale, source, skipSettings: true });
          if (externalId !== undefined) created.externalIds = { [source]: externalId };
          await t.store.insertCustomer(created);
          await customerWritten(t, undefined, created, { source: consentSourceOf(source), recordedBy: actorOf(c) });
          await audit(t, c, { action: 'customer.create', target: created.id, targetName: customerDisplayName(created), source, count: 1 });
          ctx.version++;
          return { status: 201, body: created, headers: headersOf(created) };
        }
        if (current.kind !== kind) fail422([fieldIssue('kind', 'invalid_kind', locale)]);

        const merged = await applyPatch(t, current, fields, locale);
        const sources = sourcesOf(current);
        if (!sources.includes(source)) sources.push(source);
        const externalIds: ExternalIds = { ...(current.externalIds ?? {}), ...(externalId !== undefined ? { [source]: externalId } : {}) };
        const sourcesChanged = sources.length !== sourcesOf(current).length;
        const idsChanged = !sameIds(externalIds, current.externalIds ?? {});
        if (sameWritable(current, merged) && !sourcesChanged && !idsChanged) return { status: 200, body: current, headers: headersOf(current) };

        const next: Customer = { ...merged, sources, externalIds };
        // The row is held since findByDocument under the document's lock; a write in between is a conflict to retry.
        if (!(await t.store.updateCustomer(next, current.version))) throw new HttpProblem('write_conflict', 409);
        await customerWritten(t, current, next, { source: consentSourceOf(source), recordedBy: actorOf(c) });
        const changes = [...changedFields(current, next), ...(sourcesChanged ? ['sources'] : []), ...(idsChanged ? ['externalIds'] : [])];
        await audit(t, c, { action: 'customer.update', target: next.id, targetName: customerDisplayName(next), source, changes, count: 1 });
        ctx.version++;
        return { status: 200, body: next, headers: headersOf(next) };
      }),
  });
}
