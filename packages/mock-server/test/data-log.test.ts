// The data log a person can read: a card reads a masked record (only a deliberate reveal is
// logged), an update logs the fields it changed, entries keep the names of the customers and
// categories they are about, and each reads as a sentence in the admin's language.
import { describeAuditEntry, type AuditEntry } from '@clientela/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { app, call, PERSON } from './helpers.js';

async function lastEntry(s: MockServer, action?: string): Promise<AuditEntry> {
  return (await call(s, 'GET', `/v1/audit?limit=1${action ? `&action=${action}` : ''}`)).json.items[0];
}

describe('data log', () => {
  let s: MockServer;
  let id: string;
  let etag: string;
  beforeAll(async () => {
    s = app({ seed: 30 });
    const created = await call(s, 'POST', '/v1/customers', { body: PERSON });
    id = created.json.id;
    etag = created.headers.get('etag')!;
  });
  afterAll(() => s.close());

  it('a masked read (the card) is not a reveal; a full read is, naming the customer', async () => {
    const before = (await call(s, 'GET', '/v1/audit?action=customer.reveal')).json.items.length;
    const masked = await call(s, 'GET', `/v1/customers/${id}?document=masked`);
    expect(masked.status).toBe(200);
    expect(masked.json.document).toBe('***.982.247-**');
    expect(masked.headers.get('etag')).toBe(etag);
    expect((await call(s, 'GET', '/v1/audit?action=customer.reveal')).json.items).toHaveLength(before);
    const full = await call(s, 'GET', `/v1/customers/${id}`);
    expect(full.json.document).toBe('52998224725');
    const entry = await lastEntry(s, 'customer.reveal');
    expect(entry).toMatchObject({ target: id, targetName: 'João da Conceição' });
    expect(describeAuditEntry(entry, 'pt-BR')).toBe('Visualizou o documento de João da Conceição');
    expect((await call(s, 'GET', `/v1/customers/${id}?document=nope`)).status).toBe(422);
  });

  it('an update logs only the fields it changed, by their column labels', async () => {
    const full = (await call(s, 'GET', `/v1/customers/${id}`)).json;
    // The edit form sends the whole record back; only the phone differs.
    const { id: _i, kind: _k, stats: _s, account: _a, createdAt: _c, updatedAt: _u, version: _v, source: _o, sources: _so, externalIds: _x, marketingConsent, ...writable } = full;
    const { updatedAt: _m, ...consent } = marketingConsent;
    const r = await call(s, 'PATCH', `/v1/customers/${id}`, { body: { ...writable, marketingConsent: consent, phone: '(11) 91234-5678' }, headers: { 'If-Match': `"${full.version}"` } });
    expect(r.status).toBe(200);
    const entry = await lastEntry(s, 'customer.update');
    expect(entry.changes).toEqual(['phone']);
    expect(describeAuditEntry(entry, 'pt-BR')).toBe('Alterou Telefone de João da Conceição');
    const r2 = await call(s, 'PATCH', `/v1/customers/${id}`, {
      body: { whatsapp: true, address: { ...full.address, city: 'Campinas' } },
      headers: { 'If-Match': r.headers.get('etag')! },
    });
    expect(r2.status).toBe(200);
    const entry2 = await lastEntry(s, 'customer.update');
    expect(entry2.changes).toEqual(['whatsapp', 'address.city']);
    expect(describeAuditEntry(entry2, 'pt-BR')).toBe('Alterou WhatsApp e Cidade de João da Conceição');
    expect(describeAuditEntry(entry2, 'en')).toBe('Changed WhatsApp and City of João da Conceição');
  });

  it('bulk actions and category changes name the categories', async () => {
    const vip = (await call(s, 'POST', '/v1/categories', { body: { name: 'VIP Ouro' } })).json;
    const ids = (await call(s, 'GET', '/v1/customers?limit=3')).json.items.map((c: { id: string }) => c.id);
    await call(s, 'POST', '/v1/customers/bulk', { body: { ids, action: 'addCategories', categoryIds: [vip.id] } });
    const add = await lastEntry(s, 'bulk');
    expect(add).toMatchObject({ operation: 'addCategories', categories: [{ id: vip.id, name: 'VIP Ouro' }], count: 3, updated: 3 });
    expect(describeAuditEntry(add, 'pt-BR')).toBe('Adicionou a categoria VIP Ouro a 3 clientes (filtro: 3 selecionados)');
    await call(s, 'POST', '/v1/customers/bulk', { body: { filter: { q: 'joao da conceicao' }, action: 'setStatus', status: 'blocked' } });
    const block = await lastEntry(s, 'bulk');
    expect(describeAuditEntry(block, 'pt-BR')).toBe('Mudou a situação de 1 cliente para Bloqueado (filtro: busca “joao da conceicao”)');
    await call(s, 'PATCH', `/v1/categories/${vip.id}`, { body: { name: 'Clientes Ouro', status: 'inactive' }, headers: { 'If-Match': '"1"' } });
    const upd = await lastEntry(s, 'category.update');
    expect(upd).toMatchObject({ targetName: 'Clientes Ouro', previousName: 'VIP Ouro', changes: ['name', 'status'], status: 'inactive' });
    expect(describeAuditEntry(upd, 'pt-BR')).toBe('Renomeou a categoria VIP Ouro para Clientes Ouro; Inativou a categoria Clientes Ouro');
    expect(describeAuditEntry(await lastEntry(s, 'category.create'), 'pt-BR')).toBe('Criou a categoria VIP Ouro');
  });

  it('an export reads as what was downloaded, with its columns', async () => {
    const ids = (await call(s, 'GET', '/v1/customers?limit=2')).json.items.map((c: { id: string }) => c.id);
    const r = await call(s, 'POST', '/v1/exports', { body: { format: 'xlsx', ids, columns: ['name', 'email', 'phone'] } });
    expect(r.status).toBe(200);
    const entry = await lastEntry(s, 'export');
    expect(entry).toMatchObject({ format: 'xlsx', count: 2 });
    expect(describeAuditEntry(entry, 'pt-BR')).toBe('Baixou planilha XLSX de 2 clientes: colunas Nome, E-mail e Telefone (filtro: 2 selecionados)');
    expect(describeAuditEntry(entry, 'es')).toBe('Descargó una planilla XLSX de 2 clientes: columnas Nombre, Correo y Teléfono (filtro: 2 seleccionados)');
  });

  it('an import reads as its outcome', async () => {
    const csv = 'CPF/CNPJ;Nome (primeiro);Sobrenome;E-mail\r\n390.533.447-05;Ana;Lima;ana.lima@example.com\r\n111.111.111-11;Bia;Erro;bia@example.com\r\n';
    await call(s, 'POST', '/v1/imports?dryRun=false', { raw: csv, headers: { 'Content-Type': 'text/csv' } });
    const entry = await lastEntry(s, 'import');
    expect(entry.outcome).toEqual({ dryRun: false, created: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(describeAuditEntry(entry, 'pt-BR')).toBe('Importou planilha de 2 linhas: 1 novo, 0 atualizados, 0 sem alteração, 1 com erro');
  });
});
