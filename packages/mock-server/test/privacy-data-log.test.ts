// Erasure and the data log (LGPD #18 §2) on all three stores: entries written before an
// anonymization named the person (their sentence's name) and quoted what staff searched for (an
// e-mail, a document, a phone in an export's or a bulk action's filter). After the erasure the
// entries stay — the log proves what was done — but nothing personal of that person is readable in
// `GET /v1/audit` any more: they name the record by id and "Cliente anonimizado". Everyone else's
// entries keep their names.
import { afterAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call } from './helpers.js';
import { everyServer } from './stores.js';

const ANA = {
  kind: 'person', document: '529.982.247-25', firstName: 'Ana', lastName: 'Prudente', email: 'Ana.Prudente@example.com.br', phone: '(11) 98765-4321',
  address: { postalCode: '01310-100', street: 'Avenida Paulista', number: '1000', city: 'São Paulo', state: 'SP' },
};
// Bruno shares Ana's phone (a family line): the two are a candidate pair, which the store dismisses.
const BRUNO = { kind: 'person', document: '390.533.447-05', firstName: 'Bruno', lastName: 'Quaresma', email: 'bruno.quaresma@example.com.br', phone: '(11) 98765-4321' };

/** Every entry of the data log, newest first, as the API answers it. */
async function wholeLog(s: MockServer): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = await call(s, 'GET', `/v1/audit?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(page.status, page.text).toBe(200);
    out.push(...page.json.items);
    cursor = page.json.nextCursor;
  }
  return out;
}

describe.each(everyServer('privacy-data-log'))('the data log after an erasure on %s', (_kind, open) => {
  let s: MockServer;
  afterAll(() => s?.close());

  it('keeps every entry but nothing of the erased person’s name, e-mail, phone or document; others keep theirs', async () => {
    s = await open();
    const ana = await call(s, 'POST', '/v1/customers', { body: ANA });
    const bruno = await call(s, 'POST', '/v1/customers', { body: BRUNO });
    expect(ana.status, ana.text).toBe(201);
    expect(bruno.status, bruno.text).toBe(201);
    const id = ana.json.id as string;
    // What staff did with her data, in the log's words: her document revealed, exports and a bulk
    // action whose filters quote her e-mail, document and phone, a pair dismissed with Bruno.
    expect((await call(s, 'GET', `/v1/customers/${id}`)).status).toBe(200);
    for (const q of [ANA.email, '529.982.247-25', '52998224725']) {
      const exported = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', dialect: 'machine', filter: { q }, columns: ['id', 'name'] } });
      expect(exported.status, exported.text).toBe(200);
    }
    const bulk = await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { q: '98765-4321' }, action: 'setStatus', status: 'active' } });
    expect(bulk.status, bulk.text).toBe(200);
    const pairs = await call(s, 'GET', `/v1/duplicates`);
    expect(pairs.status, pairs.text).toBe(200);
    const dismissed = await call(s, 'POST', '/v1/duplicates/dismiss', { body: { customerIds: [id, bruno.json.id] } });
    expect(dismissed.status, dismissed.text).toBe(200);

    const traces = ['Ana Prudente', 'Prudente', ANA.email, ANA.email.toLowerCase(), '529.982.247-25', '52998224725', '(11) 98765-4321', '11987654321', '+5511987654321', '98765-4321'];
    const before = await wholeLog(s);
    const beforeText = JSON.stringify(before);
    // Written in her name and with her values: what the erasure must take out.
    for (const t of ['Ana Prudente', ANA.email, '529.982.247-25', '52998224725', '98765-4321']) expect(beforeText, t).toContain(t);

    const erased = await call(s, 'POST', `/v1/customers/${id}/anonymize`, { body: { confirmation: 'ANONIMIZAR' } });
    expect(erased.status, erased.text).toBe(200);

    const after = await wholeLog(s);
    // Every entry stays (one more: the erasure itself), in the same order.
    expect(after.map((e) => e['id'])).toEqual([expect.any(String), ...before.map((e) => e['id'])]);
    const afterText = JSON.stringify(after);
    for (const t of traces) expect(afterText.toLowerCase(), t).not.toContain(t.toLowerCase());
    // Her entries name the record by id, as "Cliente anonimizado".
    const hers = after.filter((e) => e['target'] === id);
    expect(hers.map((e) => e['action'])).toEqual(expect.arrayContaining(['customer.create', 'customer.reveal', 'customer.anonymize']));
    for (const e of hers) expect(e['targetName'], String(e['action'])).toBe('Cliente anonimizado');
    // Bruno keeps his name where he is named; the pair's entry names her as anonymized.
    const pair = after.find((e) => e['action'] === 'duplicate.dismiss')!;
    const named = [{ id: pair['target'], name: pair['targetName'] }, ...(pair['customers'] as { id: string; name: string }[])];
    expect(named).toEqual(expect.arrayContaining([{ id, name: 'Cliente anonimizado' }, { id: bruno.json.id, name: 'Bruno Quaresma' }]));
    expect(after.find((e) => e['action'] === 'customer.create' && e['target'] === bruno.json.id)).toMatchObject({ targetName: 'Bruno Quaresma' });
    // The quoted searches stay as searches, with the value gone.
    const exports = after.filter((e) => e['action'] === 'export' && e['detail'] === 'started');
    expect(exports.map((e) => (e['filter'] as { q: string }).q)).toEqual(['—', '—', '—']);
  });
});
