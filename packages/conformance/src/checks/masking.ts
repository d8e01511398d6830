import { maskDocument } from '@clientela/core';
import { expect, expectEqual, expectStatus } from '../assert.js';
import type { Session } from '../session.js';

export async function maskingChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('masking', 'list items carry the document masked; a full read is audited');
  const tag = `${s.run}m`;
  let customer: Record<string, any> | undefined;
  await runner.check('list items carry the document masked (CPF ***.456.789-**), never the full one', async () => {
    customer = await s.mustCreate(s.person({ lastName: `Conformidade ${tag}` }));
    const r = await http.get(`/v1/customers?q=${tag}`);
    expectStatus(r, 200);
    const item = (r.json.items as { id: string; document: string }[]).find((i) => i.id === customer!.id);
    expect(item, `the new customer is not in GET /v1/customers?q=${tag}`);
    expectEqual(item.document, maskDocument(customer.document), 'list item document');
    expect(!r.text.includes(customer.document), 'the full document appears in the list response');
  });
  await runner.check('GET /v1/customers/:id → the full record, document unmasked, with ETag "<version>"', async () => {
    expect(customer, 'the customer of the previous check was not created');
    const r = await http.get(`/v1/customers/${customer.id}`);
    expectStatus(r, 200);
    expectEqual(r.json.document, customer.document, 'document of the full record');
    expect(/^(W\/)?"[^"]+"$/.test(r.headers.get('etag') ?? ''), `ETag header is ${JSON.stringify(r.headers.get('etag'))}`);
    expectEqual(r.headers.get('etag')?.replace(/^W\//, ''), `"${r.json.version}"`, 'ETag');
  });
  await runner.check('every full read is written to the audit log (customer.reveal, the customer as target)', async () => {
    expect(customer, 'the customer of the previous check was not created');
    const before = await http.get(`/v1/audit?action=customer.reveal&limit=200`);
    expectStatus(before, 200);
    const count = (items: { target?: string }[]) => items.filter((e) => e.target === customer!.id).length;
    const n = count(before.json.items);
    expectStatus(await http.get(`/v1/customers/${customer.id}`), 200);
    const after = await http.get(`/v1/audit?action=customer.reveal&limit=200`);
    expectStatus(after, 200);
    expectEqual(count(after.json.items), n + 1, 'customer.reveal entries for the customer after one more read');
    const newest = after.json.items[0];
    expect(newest?.target === customer.id && newest.action === 'customer.reveal', `the newest reveal entry is not this read: ${JSON.stringify(newest)}`);
  });
}
