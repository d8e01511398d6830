import { describe, expect, it } from 'vitest';
import { describeAuditEntry, type AuditEntry } from '@clientela/core';
import { createClient } from '@clientela/core/client';
import { call, PERSON } from './helpers.js';
import { everyServer } from './stores.js';

// `POST /v1/customers/merge` (#18 §3): everything of one record moves to the other, in one transaction.
const SERVERS = everyServer('merge');

const SECOND = { ...PERSON, document: '390.533.447-05', firstName: 'Joao', lastName: 'Conceicao', email: 'joao.pdv@example.com', phone: '(21) 99876-5432' };

async function order(s: Parameters<typeof call>[0], customerId: string, number: string, totalCents: number, placedAt: string, rating?: number) {
  const r = await call(s, 'POST', '/v1/orders', { body: { number, customerId, placedAt, itemsCount: 1, totalCents, status: 'paid', ...(rating ? { rating } : {}) } });
  expect(r.status).toBe(201);
  return r.json;
}

describe.each(SERVERS)('merge on %s', (_kind, open) => {
  it('moves orders, credits and consent history to the survivor, recomputes its figures, keeps the other as merged, and is idempotent and audited', async () => {
    const s = await open();
    await s.ready;
    const a = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    const b = (await call(s, 'POST', '/v1/customers', { body: { ...SECOND, marketingConsent: { email: true, sms: false, whatsapp: false } } })).json;
    await order(s, a.id, 'A-1', 10_000, '2026-10-01T12:00:00.000Z', 5);
    await order(s, a.id, 'A-2', 2_550, '2026-10-05T12:00:00.000Z');
    await order(s, b.id, 'B-1', 7_000, '2026-09-01T12:00:00.000Z', 3);
    await order(s, b.id, 'B-2', 1_234, '2026-11-01T12:00:00.000Z');
    const grant = await call(s, 'POST', `/v1/customers/${b.id}/credits`, { body: { kind: 'cashback', amountCents: 500, expiresAt: '2027-01-01T00:00:00.000Z' } });
    expect(grant.status).toBe(201);

    const preview = await call(s, 'POST', '/v1/customers/merge/preview', { body: { survivorId: a.id, mergedId: b.id } });
    expect(preview.status).toBe(200);
    expect(preview.json.moves).toMatchObject({ orders: 2, credits: 1 });
    expect(preview.json.after).toEqual({ ordersCount: 4, totalSpentCents: 20_784 });
    expect(preview.json.fields.find((f: { field: string }) => f.field === 'phone')).toMatchObject({ differs: true });
    expect(preview.json.fields.some((f: { field: string }) => f.field === 'legalName')).toBe(false);

    const merge = await call(s, 'POST', '/v1/customers/merge', {
      body: { merges: [{ survivorId: a.id, mergedId: b.id, take: ['phone'] }] },
      headers: { 'Idempotency-Key': 'merge-1', 'X-Actor': 'Bia' },
    });
    expect(merge.status).toBe(200);
    const [out] = merge.json.items;
    expect(out.alreadyMerged).toBe(false);
    expect(out.moved).toMatchObject({ orders: 2, credits: 1 });
    expect(out.survivor.stats).toMatchObject({
      ordersCount: 4,
      totalSpentCents: 20_784,
      firstPurchaseAt: '2026-09-01T12:00:00.000Z',
      lastPurchaseAt: '2026-11-01T12:00:00.000Z',
      averageRating: 4,
    });
    expect(out.survivor.phone).toBe('+5521998765432');
    expect(out.survivor.email).toBe(PERSON.email);
    expect(out.survivor.marketingConsent.email).toBe(true);

    const orders = await call(s, 'GET', `/v1/orders?customerId=${a.id}&limit=50`);
    expect(orders.json.items.map((o: { number: string }) => o.number).sort()).toEqual(['A-1', 'A-2', 'B-1', 'B-2']);
    expect((await call(s, 'GET', `/v1/orders?customerId=${b.id}`)).json.items).toEqual([]);
    const credits = await call(s, 'GET', `/v1/customers/${a.id}/credits`);
    expect(credits.json.balanceCents).toBe(500);
    const consents = await call(s, 'GET', `/v1/customers/${a.id}/consents`);
    expect(consents.status).toBe(200);
    expect(consents.json.items.some((r: { channel: string; granted: boolean }) => r.channel === 'email' && r.granted)).toBe(true);

    // The other record answers where it went, and takes no edit.
    const gone = await call(s, 'GET', `/v1/customers/${b.id}`);
    expect(gone.status).toBe(200);
    expect(gone.json).toMatchObject({ status: 'merged', mergedInto: a.id });
    const edit = await call(s, 'PATCH', `/v1/customers/${b.id}`, { body: { notes: 'x' }, headers: { 'If-Match': gone.headers.get('ETag')! } });
    expect(edit.status).toBe(409);
    expect(edit.json).toMatchObject({ type: expect.stringMatching(/customer-merged$/), mergedInto: a.id });
    // Not listed by default; not a duplicate candidate any more.
    const list = await call(s, 'GET', '/v1/customers?limit=200');
    expect(list.json.items.some((c: { id: string }) => c.id === b.id)).toBe(false);
    expect((await call(s, 'GET', `/v1/duplicates?customerId=${a.id}`)).json.items).toEqual([]);

    // A retry with the key replays; one without it finds the pair merged and changes nothing.
    const replay = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id, take: ['phone'] }] }, headers: { 'Idempotency-Key': 'merge-1' } });
    expect(replay.json).toEqual(merge.json);
    const again = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id }] } });
    expect(again.json.items[0]).toMatchObject({ alreadyMerged: true, moved: { orders: 0 } });
    expect(again.json.items[0].survivor.stats.totalSpentCents).toBe(20_784);

    const log = await call(s, 'GET', '/v1/audit?action=customer.merge');
    expect(log.json.items).toHaveLength(1);
    expect(describeAuditEntry(log.json.items[0] as AuditEntry, 'pt-BR')).toBe('Mesclou Joao Conceicao em João da Conceição');
    expect(log.json.items[0].actor.name).toBe('Bia');
    const events = await call(s, 'GET', '/v1/events?types=customer.merged');
    expect(events.json.items).toHaveLength(1);
    expect(events.json.items[0].data).toMatchObject({ mergedIds: [b.id], customer: { id: a.id } });
    s.close();
  });

  it("takes the other record's document when the admin chooses it; a merged record holds neither document nor e-mail, and sign-in follows the survivor", async () => {
    const s = await open();
    await s.ready;
    const pk = s.keys.publishable;
    // A seller's record without a password, and the same person's own registration with one.
    const a = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, email: 'joao.loja@example.com' } })).json;
    const reg = await call(s, 'POST', '/v1/public/registrations', { key: pk, body: { ...SECOND, password: 'senha-do-joao-1' } });
    expect(reg.status, JSON.stringify(reg.json)).toBe(201);
    const b = reg.json;
    const session = await call(s, 'POST', '/v1/public/sessions', { key: pk, body: { email: SECOND.email, password: 'senha-do-joao-1' } });
    expect(session.status).toBe(201);

    // The preview shows both documents masked (no reveal), and says they differ.
    const preview = await call(s, 'POST', '/v1/customers/merge/preview', { body: { survivorId: a.id, mergedId: b.id } });
    expect(preview.json.fields.find((f: { field: string }) => f.field === 'document')).toEqual({ field: 'document', survivor: '***.982.247-**', merged: '***.533.447-**', differs: true });

    const merge = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id, take: ['document', 'email'] }] } });
    expect(merge.status, JSON.stringify(merge.json)).toBe(200);
    const survivor = (await call(s, 'GET', `/v1/customers/${a.id}`)).json;
    expect(survivor).toMatchObject({ document: '39053344705', email: SECOND.email, account: { status: 'active' } });
    expect((await call(s, 'GET', `/v1/customers/${b.id}`)).json).toMatchObject({ status: 'merged', mergedInto: a.id });
    // The document is the survivor's alone: a new record with it is refused, naming the survivor.
    const taken = await call(s, 'POST', '/v1/customers', { body: { ...SECOND, email: 'outro@example.com' } });
    expect(taken.status).toBe(409);
    expect(JSON.stringify(taken.json)).toContain(a.id);

    // Sign-in: the merged record's session ended; its password now signs in to the survivor, with the e-mail the survivor holds.
    expect((await call(s, 'GET', '/v1/public/me', { key: pk, headers: { 'Clientela-Session': session.json.token } })).status).toBe(401);
    const again = await call(s, 'POST', '/v1/public/sessions', { key: pk, body: { email: SECOND.email, password: 'senha-do-joao-1' } });
    expect(again.status).toBe(201);
    expect(again.json.customerId).toBe(a.id);
    s.close();
  });

  it("frees a merged record's e-mail: the survivor that kept its own leaves it to a new registration, and nothing finds the merged record by it", async () => {
    const s = await open();
    await s.ready;
    const pk = s.keys.publishable;
    const a = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    const b = (await call(s, 'POST', '/v1/customers', { body: SECOND })).json;
    expect((await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id }] } })).status).toBe(200);
    // Before the fix the merged record still held the e-mail: 409 duplicate_email, a dead end.
    const reg = await call(s, 'POST', '/v1/public/registrations', { key: pk, body: { ...SECOND, document: '853.513.468-93', password: 'senha-nova-123' } });
    expect(reg.status, JSON.stringify(reg.json)).toBe(201);
    const signIn = await call(s, 'POST', '/v1/public/sessions', { key: pk, body: { email: SECOND.email, password: 'senha-nova-123' } });
    expect(signIn.status).toBe(201);
    expect(signIn.json.customerId).toBe(reg.json.id);
    s.close();
  });

  it("previews each side's categories and the union the survivor gets (manual and active ones move; automatic and inactive ones stay), and the merge gives exactly that", async () => {
    const s = await open();
    await s.ready;
    const cat = async (body: Record<string, unknown>) => (await call(s, 'POST', '/v1/categories', { body: { color: '#112233', ...body } })).json;
    const vip = await cat({ name: 'VIP' });
    const wholesale = await cat({ name: 'Atacado' });
    const old = await cat({ name: 'Antiga' });
    const buyers = await cat({ name: 'Compradores', rule: 'spent-min-1' });
    const a = (await call(s, 'POST', '/v1/customers', { body: { ...PERSON, categoryIds: [vip.id] } })).json;
    const b = (await call(s, 'POST', '/v1/customers', { body: { ...SECOND, categoryIds: [vip.id, wholesale.id, old.id] } })).json;
    await order(s, b.id, 'B-1', 7_000, '2026-09-01T12:00:00.000Z');
    expect((await call(s, 'PATCH', `/v1/categories/${old.id}`, { body: { status: 'inactive' }, headers: { 'If-Match': `"${old.version}"` } })).status).toBe(200);
    const bNow = (await call(s, 'GET', `/v1/customers/${b.id}`)).json;
    expect(bNow.categoryIds).toContain(buyers.id);

    const preview = await call(s, 'POST', '/v1/customers/merge/preview', { body: { survivorId: a.id, mergedId: b.id } });
    expect(preview.status).toBe(200);
    const names = (list: { name: string }[]) => list.map((c) => c.name).sort();
    expect(names(preview.json.categories.survivor)).toEqual(['VIP']);
    expect(names(preview.json.categories.merged)).toEqual(['Antiga', 'Atacado', 'Compradores', 'VIP']);
    expect(names(preview.json.categories.after)).toEqual(['Atacado', 'VIP']);
    expect(names(preview.json.categories.left)).toEqual(['Antiga', 'Compradores']);
    expect(preview.json.categories.merged.find((c: { id: string }) => c.id === buyers.id)).toEqual({ id: buyers.id, name: 'Compradores', color: '#112233', automatic: true });
    expect(preview.json.moves).toEqual({ orders: 1, credits: 0, consentRecords: 0, messages: 0 });

    const merge = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id }] } });
    expect(merge.status, JSON.stringify(merge.json)).toBe(200);
    const survivor = (await call(s, 'GET', `/v1/customers/${a.id}`)).json;
    // The manual ones as previewed; the automatic one by its rule (the survivor now holds B's order).
    expect(survivor.categoryIds.filter((id: string) => id !== buyers.id).sort()).toEqual(preview.json.categories.after.map((c: { id: string }) => c.id).sort());
    expect(survivor.categoryIds).not.toContain(old.id);
    s.close();
  });

  it('refuses the same customer twice, two kinds, a field the kind lacks, and a record merged elsewhere; a refused batch writes nothing', async () => {
    const s = await open();
    await s.ready;
    const a = (await call(s, 'POST', '/v1/customers', { body: PERSON })).json;
    const b = (await call(s, 'POST', '/v1/customers', { body: SECOND })).json;
    const c = (await call(s, 'POST', '/v1/customers', { body: { ...SECOND, document: '853.513.468-93', email: 'outro@example.com' } })).json;
    await order(s, b.id, 'B-1', 7_000, '2026-09-01T12:00:00.000Z');
    const same = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: a.id }] } });
    expect(same.status).toBe(422);
    expect(same.json.errors[0]).toMatchObject({ path: 'merges.0.mergedId', code: 'merge_same_customer' });
    const field = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id, take: ['legalName'] }] } });
    expect(field.status).toBe(422);
    // The second pair fails: the first one's moves are undone with it (SQLite and PostgreSQL roll back; memory checks first).
    const batch = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id }, { survivorId: c.id, mergedId: c.id }] } });
    expect(batch.status).toBe(422);
    expect((await call(s, 'GET', `/v1/customers/${b.id}`)).json.status).toBe('active');
    const done = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: a.id, mergedId: b.id }] } });
    expect(done.status).toBe(200);
    const elsewhere = await call(s, 'POST', '/v1/customers/merge', { body: { merges: [{ survivorId: c.id, mergedId: b.id }] } });
    expect(elsewhere.status).toBe(409);
    expect(elsewhere.json.mergedInto).toBe(a.id);
    s.close();
  });
});

describe.each(everyServer('merge-client'))('client.duplicates on %s', (_kind, open) => {
  it('lists, previews and merges through the client (answers checked against the schemas), tells the change feed, and surfaces a 422 as a ValidationError', async () => {
    const s = await open();
    await s.ready;
    const client = createClient({ baseUrl: 'http://mock.test', apiKey: s.keys.secret, fetch: s.fetch, locale: 'en' });
    const a = await client.customers.create(PERSON as Parameters<typeof client.customers.create>[0]);
    const b = await client.customers.create({ ...SECOND, phone: PERSON.phone } as Parameters<typeof client.customers.create>[0]);
    await order(s, b.id, 'B-1', 7_000, '2026-09-01T12:00:00.000Z');
    const pairs = [];
    for await (const p of client.duplicates.iterate({ limit: 1 })) pairs.push(p);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.reasons.map((r) => r.type)).toContain('phone');
    const preview = await client.duplicates.previewMerge({ survivorId: a.id, mergedId: b.id });
    expect(preview.after).toEqual({ ordersCount: 1, totalSpentCents: 7_000 });
    const seen: string[] = [];
    client.changes.subscribe((ch) => seen.push(ch.type));
    const result = await client.duplicates.merge({ merges: [{ survivorId: a.id, mergedId: b.id }] });
    expect(result.items[0]!.survivor.stats.totalSpentCents).toBe(7_000);
    expect(seen).toEqual(['customer.updated', 'customer.deleted']);
    expect((await client.duplicates.list()).items).toEqual([]);
    expect((await client.duplicates.rebuildStatus()).status).toBe('idle');
    const error = await client.duplicates.merge({ merges: [{ survivorId: a.id, mergedId: a.id }] }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('ValidationError');
    s.close();
  });
});
