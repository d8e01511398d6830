import { formatCpf } from '@clientela/core';
import { expect, expectStatus } from '../assert.js';
import { newMobile } from '../fixtures.js';
import type { Body, Session } from '../session.js';

export async function searchChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('search', 'q matches names ignoring case and accents, e-mail, phone digits and the document with or without punctuation');
  const tag = `${s.run}s`;
  let joao: Body | undefined;
  const phone = newMobile();
  const ready = await runner.check('fixture: "João Conceição…" with a phone and an e-mail', async () => {
    joao = await s.mustCreate(s.person({ firstName: 'João', lastName: `Conceição${tag}`, phone, email: s.email(`${tag}-joao`) }));
  });
  if (!ready || !joao) return;
  const found = async (q: string, exactly = false) => {
    const r = await http.get(`/v1/customers?q=${encodeURIComponent(q)}&limit=200`);
    expectStatus(r, 200);
    const ids = (r.json.items as Body[]).map((c) => c.id);
    expect(ids.includes(joao!.id), `q=${JSON.stringify(q)} does not find the customer (${ids.length} results)`);
    if (exactly) expect(ids.length === 1, `q=${JSON.stringify(q)} finds ${ids.length} customers, expected only this one`);
  };
  await runner.check('"conceicao…" (no accents) finds "Conceição…"', () => found(`conceicao${tag}`, true));
  await runner.check('"CONCEIÇÃO…" (upper case) finds it', () => found(`CONCEIÇÃO${tag.toUpperCase()}`, true));
  await runner.check('"joao conceicao…" (two words, no accents) finds "João Conceição…"', () => found(`joao conceicao${tag}`, true));
  await runner.check('the whole e-mail finds it, in any case', () => found(s.email(`${tag}-joao`).toUpperCase(), true));
  await runner.check('the phone, typed with punctuation, finds it', () => found(phone));
  await runner.check('the phone digits alone find it', () => found(phone.replace(/\D/g, '')));
  await runner.check('the document with punctuation finds exactly it', () => found(formatCpf(joao!.document), true));
  await runner.check('the document without punctuation finds exactly it', () => found(joao!.document, true));
  await runner.check('a fragment of the document, with punctuation ("456.789-0"), finds it', () => found(formatCpf(joao!.document).slice(4, 13)));
  await runner.check('a query that matches nothing → an empty page, total 0', async () => {
    const r = await http.get(`/v1/customers?q=${tag}zzzznothing`);
    expectStatus(r, 200);
    expect(r.json.items.length === 0 && r.json.total === 0 && r.json.nextCursor === null, `got ${r.text.slice(0, 200)}`);
  });
}
