import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { describe, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { fakeClient, json } from '../internal/test-helpers.js';
import './audit-log.js';
import type { AuditLog } from './audit-log.component.js';

document.documentElement.lang = 'pt-BR';

const actions = ['customer.reveal', 'export', 'import', 'bulk', 'settings.update'] as const;
// 45 entries, newest first, one per hour.
const entries = Array.from({ length: 45 }, (_, i) => ({
  id: `aud_${45 - i}`,
  at: new Date(Date.UTC(2026, 10, 20, 12) - i * 3600_000).toISOString(),
  action: actions[i % 5],
  actor: { keyId: 'sk_test_…ela', name: i % 2 ? 'admin@loja.example' : undefined },
  count: i % 5 === 1 ? 1000 + i : 1,
  ...(i % 5 === 0 ? { target: `cus_${i}`, targetName: `Ana Souza ${i}` } : {}),
  ...(i % 5 === 1
    ? { filter: { status: 'active', q: '<b>ana</b>', categoryId: 'cat_vip' }, format: 'xlsx', columns: ['name', 'email'], sha256: 'a'.repeat(64) }
    : {}),
  ...(i % 5 === 2 ? { outcome: { dryRun: false, created: 990, updated: 0, unchanged: 0, rejected: 10 }, count: 1000 } : {}),
  ...(i % 5 === 3 ? { operation: 'addCategories', categories: [{ id: 'cat_vip', name: 'VIP' }], count: 456, updated: 456, filter: { ids: 456 } } : {}),
}));
const vip = { id: 'cat_vip', name: 'Clientes VIP', color: '#7c3aed', status: 'active', customerCount: 1, createdAt: entries[0]!.at, updatedAt: entries[0]!.at, version: 1 };

function api() {
  return fakeClient({
    'GET /categories': () => json({ items: [vip] }),
    'GET /audit': ({ url }) => {
      const p = url.searchParams;
      let items = entries.filter(
        (e) =>
          (!p.get('action') || e.action === p.get('action')) &&
          (!p.get('since') || e.at >= p.get('since')!) &&
          (!p.get('until') || e.at <= p.get('until')!),
      );
      const start = Number(p.get('cursor') ?? 0);
      const limit = Number(p.get('limit') ?? 50);
      const page = items.slice(start, start + limit);
      return json({ items: page.map((e) => JSON.parse(JSON.stringify(e))), nextCursor: start + limit < items.length ? String(start + limit) : null });
    },
  });
}

async function settled(el: AuditLog) {
  await aTimeout(0);
  for (let i = 0; i < 300 && (el as any).state === 'loading'; i++) await aTimeout(10);
  await el.updateComplete;
}
const rows = (el: AuditLog) => [...el.shadowRoot!.querySelectorAll('[part=row]')] as HTMLElement[];
const $ = (el: AuditLog, sel: string) => el.shadowRoot!.querySelector(sel) as HTMLElement;

describe('<cl-audit-log>', () => {
  it('is accessible with entries and when empty', async () => {
    const { client } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client}></cl-audit-log>`);
    await settled(el);
    await expect(el).to.be.accessible();
    el.since = '2030-01-01';
    await settled(el);
    expect($(el, '[data-empty]').textContent).to.equal('Nenhum registro no log para este filtro.');
    await expect(el).to.be.accessible();
  });

  it('reads each entry as a sentence naming customers and categories, with who and when, newest first', async () => {
    const { client } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client}></cl-audit-log>`);
    await settled(el);
    expect(rows(el)).to.have.length(20);
    expect(rows(el)[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(entries[0]!.at);
    const sentence = (i: number) => rows(el)[i]!.querySelector('[data-sentence]')!.textContent;
    expect(sentence(0)).to.equal('Visualizou o documento de Ana Souza 0');
    const exportRow = rows(el)[1]!;
    expect(exportRow.textContent).to.contain('admin@loja.example').and.contain('sk_test_…ela');
    // The filter is data: shown as text, never as markup; the category by its current name.
    expect(sentence(1)).to.equal('Baixou planilha XLSX de 1.001 clientes: colunas Nome e E-mail (filtro: busca “<b>ana</b>”, Situação Ativo, categoria Clientes VIP)');
    expect(exportRow.querySelector('b')).to.equal(null);
    expect(sentence(2)).to.equal('Importou planilha de 1.000 linhas: 990 novos, 0 atualizados, 0 sem alteração, 10 com erro');
    expect(sentence(3)).to.equal('Adicionou a categoria VIP a 456 clientes (filtro: 456 selecionados)');
    expect(sentence(4)).to.equal('Alterou os campos obrigatórios do cadastro');
  });

  it('names the managed key that acted, by name and prefix…last4, and reads a key rotation', async () => {
    const rotation = {
      id: 'aud_k1', at: entries[0]!.at, action: 'api_key.rotate', count: 1,
      actor: { keyId: 'sk_live_…a1B2', keyName: 'ERP <b>matriz</b>', name: 'ana@loja.example' },
      target: 'ak_1', targetName: 'PDV (sk_live_…z9Y8)', until: '2026-11-21T12:00:00.000Z',
    };
    const { client } = fakeClient({
      'GET /categories': () => json({ items: [] }),
      'GET /audit': () => json({ items: [rotation], nextCursor: null }),
    });
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client}></cl-audit-log>`);
    await settled(el);
    const row = rows(el)[0]!;
    expect(row.textContent).to.contain('ana@loja.example').and.contain('ERP <b>matriz</b> (sk_live_…a1B2)');
    expect(row.querySelector('b')).to.equal(null);
    expect(row.querySelector('[data-sentence]')!.textContent).to.match(/^Trocou a chave de API PDV \(sk_live_…z9Y8\); a anterior funciona até \d{2}\/\d{2}\/\d{4}/);
    await expect(el).to.be.accessible();
  });

  it('speaks the page language', async () => {
    const { client } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client} lang="en"></cl-audit-log>`);
    await settled(el);
    // English (the element's words and core's sentences) is loaded on first use.
    await waitUntil(() => !rows(el)[3]!.querySelector('[data-sentence]')!.textContent!.startsWith('Adicionou'), 'English did not arrive');
    expect(rows(el)[3]!.querySelector('[data-sentence]')!.textContent).to.equal('Added the category VIP to 456 customers (filter: 456 selected)');
  });

  it('pages forwards and back with the cursor', async () => {
    const { client, calls } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client}></cl-audit-log>`);
    await settled(el);
    $(el, '[data-page=next]').click();
    await settled(el);
    expect(rows(el)[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(entries[20]!.at);
    $(el, '[data-page=next]').click();
    await settled(el);
    expect(rows(el)).to.have.length(5);
    expect($(el, '[data-page=next]').hasAttribute('disabled')).to.equal(true);
    $(el, '[data-page=previous]').click();
    await settled(el);
    expect(rows(el)[0]!.querySelector('time')!.getAttribute('datetime')).to.equal(entries[20]!.at);
    expect(calls.filter((c) => c.startsWith('GET /audit'))).to.deep.equal(['GET /audit?limit=20', 'GET /audit?limit=20&cursor=20', 'GET /audit?limit=20&cursor=40', 'GET /audit?limit=20&cursor=20']);
  });

  it('filters by action and dates from the form', async () => {
    const { client, calls } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client}></cl-audit-log>`);
    await settled(el);
    ($(el, 'select[name=action]') as HTMLSelectElement).value = 'import';
    ($(el, 'input[name=since]') as HTMLInputElement).value = '2026-11-20';
    ($(el, 'button[type=submit]') as HTMLButtonElement).click();
    await settled(el);
    expect(el.action).to.equal('import');
    expect(rows(el).length).to.be.greaterThan(0);
    expect(rows(el).every((r) => r.dataset['action'] === 'import')).to.equal(true);
    const since = new Date('2026-11-20T00:00:00').toISOString();
    expect(rows(el).every((r) => r.querySelector('time')!.getAttribute('datetime')! >= since)).to.equal(true);
    expect(calls.at(-1)).to.contain('action=import').and.contain('since=');
  });

  it('refuses a reversed date range without asking the server', async () => {
    const { client, calls } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client} since="2026-11-20" until="2026-11-01"></cl-audit-log>`);
    await settled(el);
    expect(calls.filter((c) => c.startsWith('GET /audit'))).to.deep.equal([]);
    expect($(el, '[role=status]').textContent).to.contain('anterior à final');
  });

  it('works from the keyboard: choose an action and press Enter', async () => {
    const { client } = api();
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${client}></cl-audit-log>`);
    await settled(el);
    $(el, 'input[name=since]').focus();
    await userEvent.tab({ shift: true });
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'select[name=action]'));
    ($(el, 'select[name=action]') as HTMLSelectElement).value = 'export';
    $(el, 'input[name=until]').focus();
    await userEvent.keyboard('{Enter}');
    await settled(el);
    expect(el.action).to.equal('export');
    expect(rows(el).every((r) => r.dataset['action'] === 'export')).to.equal(true);
  });
});

describe('<cl-audit-log> against the mock server', () => {
  it('shows a reveal done just before, naming the customer and the actor, under the action filter', async () => {
    const { serverClients, validCpf, uniqueSeed } = await import('../internal/test-helpers.js');
    const { secret } = await serverClients();
    const seed = uniqueSeed();
    const created = await secret.customers.create({ kind: 'person', document: validCpf(seed), firstName: 'Duda', lastName: `Log ${seed}`, email: `duda.${seed}@example.com`, phone: '11987654321' });
    await secret.customers.retrieve(created.id);
    const el = await fixture<AuditLog>(html`<cl-audit-log .client=${secret} action="customer.reveal"></cl-audit-log>`);
    await settled(el);
    const mine = rows(el).filter((r) => r.textContent!.includes(`Visualizou o documento de Duda Log ${seed}`));
    expect(mine.length).to.be.greaterThan(0);
    expect(mine[0]!.dataset['action']).to.equal('customer.reveal');
    expect(mine[0]!.textContent).to.contain('teste@loja.example');
    expect(rows(el).every((r) => r.dataset['action'] === 'customer.reveal')).to.equal(true);
  });
});
