import { expect, expectEqual, expectFieldError, expectStatus } from '../assert.js';
import { newCpf } from '../fixtures.js';
import type { Body, Session } from '../session.js';

/** Sync by document: one customer per CPF/CNPJ whatever systems push it, each kept with its own id. */
export async function syncChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('sync', 'sync by document: create or update by CPF/CNPJ, idempotent, sources and external ids per system');
  const document = newCpf();
  const path = `/v1/customers/by-document/${document.slice(0, 3)}.${document.slice(3, 6)}.${document.slice(6, 9)}-${document.slice(9)}`;
  const { document: _document, ...fields } = s.person();
  const pos = { ...fields, source: 'pos', externalId: `cf-pos-${s.run}` };
  let created: Body | undefined;

  await runner.check('PUT /v1/customers/by-document/{document} with no holder → 201, source the origin, sources and externalIds', async () => {
    const r = await http.put(path, pos);
    expectStatus(r, 201);
    created = r.json;
    s.customers.add(r.json.id);
    expectEqual([r.json.document, r.json.source, r.json.sources, r.json.externalIds, r.json.version], [document, 'pos', ['pos'], { pos: pos.externalId }, 1], 'document, source, sources, externalIds, version');
    expect(r.headers.get('etag') === '"1"', `ETag is ${JSON.stringify(r.headers.get('etag'))}`);
  });
  await runner.check('the same body again → 200 with the same version (nothing written)', async () => {
    const r = await http.put(path, pos);
    expectStatus(r, 200);
    expectEqual([r.json.id, r.json.version], [created?.id, 1], 'id and version');
  });
  await runner.check('another system with fewer fields → 200: it joins sources, its id is kept, the origin and the other fields stay', async () => {
    const r = await http.put(path, { kind: 'person', firstName: fields.firstName, lastName: fields.lastName, source: 'ecommerce', externalId: `cf-shop-${s.run}` });
    expectStatus(r, 200);
    expectEqual(
      [r.json.id, r.json.source, r.json.sources, r.json.externalIds, r.json.email, r.json.version],
      [created?.id, 'pos', ['pos', 'ecommerce'], { pos: pos.externalId, ecommerce: `cf-shop-${s.run}` }, fields.email, 2],
      'id, origin, sources, ids, e-mail, version',
    );
  });
  await runner.check('the source filter matches any of the sources', async () => {
    const r = await http.get(`/v1/customers?q=${document}&filter=source-ecommerce`);
    expectEqual(r.json.total, 1, 'customers known to the online store with this document');
  });
  await runner.check("another customer with the point of sale's id → 409 duplicate_external_id at externalId", async () => {
    const { document: _d, ...other } = s.person();
    expectFieldError(await http.put(`/v1/customers/by-document/${newCpf()}`, { ...other, source: 'pos', externalId: pos.externalId }), 'externalId', 'duplicate_external_id', 409);
  });
  await runner.check('a document that is not a valid CPF, or a body document other than the path → 422 at document', async () => {
    const bad = `${document.slice(0, 10)}${(Number(document[10]) + 1) % 10}`;
    expectFieldError(await http.put(`/v1/customers/by-document/${bad}`, { ...pos, externalId: undefined }), 'document', 'invalid_cpf');
    expectFieldError(await http.put(path, { ...pos, document: newCpf() }), 'document', 'document_mismatch');
  });
}
