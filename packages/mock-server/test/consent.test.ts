// LGPD consent records (#18 §1) on all three stores: every change of consent is a record appended
// in the same transaction, with source, text version and words, and who recorded it; the
// customer's marketingConsent is derived from them; the history is append-only in the database.
import { afterAll, describe, expect, it } from 'vitest';
import type { MockServer } from '../src/index.js';
import { call, PERSON, type CallOptions } from './helpers.js';
import { everyServer, everyStore } from './stores.js';

const as = (s: MockServer, token: string, extra: CallOptions = {}): CallOptions => ({ key: s.keys.publishable, ...extra, headers: { 'Clientela-Session': token, ...(extra.headers ?? {}) } });

describe.each(everyServer('consent'))('consent records on %s', (_kind, open) => {
  let s: MockServer;
  afterAll(() => s?.close());

  it('registration, account area, admin and import write records; the history shows source and text', async () => {
    s = await open();
    const admin = { headers: { 'X-Actor': 'Marina (loja)' } };
    // The store writes its texts; an edit is a new version, the same words write nothing.
    const v1 = await call(s, 'PUT', '/v1/settings/consent-texts/marketing', { ...admin, body: { text: 'Aceito receber ofertas.' } });
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ purpose: 'marketing', version: 1, createdBy: { name: 'Marina (loja)' } });
    const v2 = await call(s, 'PUT', '/v1/settings/consent-texts/marketing', { body: { text: 'Aceito receber ofertas por e-mail, SMS e WhatsApp.' } });
    expect(v2.json.version).toBe(2);
    expect((await call(s, 'PUT', '/v1/settings/consent-texts/marketing', { body: { text: 'Aceito receber ofertas por e-mail, SMS e WhatsApp.' } })).status).toBe(200);
    const shown = await call(s, 'GET', '/v1/public/settings/consent-texts', { key: s.keys.publishable });
    expect(shown.json.marketing).toMatchObject({ version: 2 });

    // A registration that showed version 1 (an old page) records that version and its words.
    const badVersion = await call(s, 'POST', '/v1/public/registrations', { key: s.keys.publishable, body: { ...PERSON, password: 'pé-de-moleque-9', consentTextVersion: 9, marketingConsent: { email: true, sms: false, whatsapp: true } } });
    expect(badVersion.status).toBe(422);
    expect(badVersion.json.errors[0]).toMatchObject({ path: 'consentTextVersion', code: 'unknown_text_version' });
    const reg = await call(s, 'POST', '/v1/public/registrations', {
      key: s.keys.publishable,
      body: { ...PERSON, password: 'pé-de-moleque-9', consentTextVersion: 1, marketingConsent: { email: true, sms: false, whatsapp: true } },
    });
    expect(reg.status, reg.text).toBe(201);
    const id = reg.json.id as string;
    let h = await call(s, 'GET', `/v1/customers/${id}/consents`);
    expect(h.json.items).toHaveLength(2);
    for (const r of h.json.items) expect(r).toMatchObject({ customerId: id, purpose: 'marketing', granted: true, source: 'storefront', textVersion: 1, text: 'Aceito receber ofertas.', recordedBy: { customer: true } });
    expect(h.json.items.map((r: { channel: string }) => r.channel).sort()).toEqual(['email', 'whatsapp']);
    expect(h.json.current.marketing.sms).toBeNull();
    // The data log says it too: the registration's consent is a person's act (LGPD art. 37).
    const regLog = await call(s, 'GET', '/v1/audit?action=consent.record');
    expect(regLog.json.items.filter((e: { target?: string }) => e.target === id)).toEqual(
      expect.arrayContaining(['email', 'whatsapp'].map((channel) => expect.objectContaining({ channel, toStatus: 'granted', source: 'storefront', detail: 'marketing' }))),
    );

    // The shopper revokes e-mail in the account area (the current text), and gives push.
    const session = await call(s, 'POST', '/v1/public/sessions', { key: s.keys.publishable, body: { email: PERSON.email, password: 'pé-de-moleque-9' } });
    const token = session.json.token as string;
    const revoked = await call(s, 'POST', '/v1/public/me/consents', as(s, token, { body: { purpose: 'marketing', channels: { email: false, whatsapp: true, push: true } } }));
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.json.items).toHaveLength(4); // whatsapp unchanged: no record
    expect(revoked.json.items[0]).toMatchObject({ source: 'storefront', textVersion: 2, text: 'Aceito receber ofertas por e-mail, SMS e WhatsApp.' });
    expect(revoked.json.current.marketing.email).toMatchObject({ granted: false, source: 'storefront' });
    // marketingConsent follows the history: filters, table, exports and messages read it.
    const masked = await call(s, 'GET', `/v1/customers/${id}?document=masked`);
    expect(masked.json.marketingConsent).toMatchObject({ email: false, sms: false, whatsapp: true });
    const filtered = await call(s, 'GET', `/v1/customers?q=${encodeURIComponent('529.982.247-25')}&filter=consent-email-yes`);
    expect(filtered.json.items).toHaveLength(0);
    const stillWhatsapp = await call(s, 'GET', `/v1/customers?q=${encodeURIComponent('529.982.247-25')}&filter=consent-whatsapp-yes`);
    expect(stillWhatsapp.json.items.map((c: { id: string }) => c.id)).toEqual([id]);

    // The account area's PATCH of marketingConsent writes records too.
    const me = await call(s, 'GET', '/v1/public/me', as(s, token));
    const patched = await call(s, 'PATCH', '/v1/public/me', as(s, token, { body: { marketingConsent: { email: false, sms: true, whatsapp: true } }, headers: { 'If-Match': me.headers.get('etag')! } }));
    expect(patched.status, patched.text).toBe(200);
    h = await call(s, 'GET', `/v1/customers/${id}/consents`);
    expect(h.json.items[0]).toMatchObject({ channel: 'sms', granted: true, source: 'storefront', recordedBy: { customer: true } });

    // The admin records a consent given at the counter, with its evidence, dated earlier.
    const future = await call(s, 'POST', `/v1/customers/${id}/consents`, { ...admin, body: { channel: 'email', purpose: 'marketing', granted: true, at: '2027-01-01T00:00:00Z' } });
    expect(future.status).toBe(422);
    expect(future.json.errors[0].code).toBe('consent_in_future');
    const given = await call(s, 'POST', `/v1/customers/${id}/consents`, {
      ...admin,
      headers: { ...admin.headers, 'Idempotency-Key': 'cns-1' },
      body: { channel: 'email', purpose: 'marketing', granted: true, source: 'pos', at: '2026-11-20T15:00:00Z', evidence: { note: 'Assinou o formulário no caixa', attachment: 'arquivo/ficha-0231.pdf' } },
    });
    expect(given.status, given.text).toBe(201);
    expect(given.json).toMatchObject({ source: 'pos', at: '2026-11-20T15:00:00.000Z', recordedBy: { name: 'Marina (loja)' }, evidence: { attachment: 'arquivo/ficha-0231.pdf' }, textVersion: 2 });
    // A retry with the same key records nothing twice.
    const again = await call(s, 'POST', `/v1/customers/${id}/consents`, {
      ...admin,
      headers: { ...admin.headers, 'Idempotency-Key': 'cns-1' },
      body: { channel: 'email', purpose: 'marketing', granted: true, source: 'pos', at: '2026-11-20T15:00:00Z', evidence: { note: 'Assinou o formulário no caixa', attachment: 'arquivo/ficha-0231.pdf' } },
    });
    expect(again.json.id).toBe(given.json.id);
    h = await call(s, 'GET', `/v1/customers/${id}/consents`);
    expect(h.json.items.filter((r: { id: string }) => r.id === given.json.id)).toHaveLength(1);
    expect((await call(s, 'GET', `/v1/customers/${id}?document=masked`)).json.marketingConsent.email).toBe(true);

    // An admin PATCH records with source admin and the person named.
    const cur = await call(s, 'GET', `/v1/customers/${id}?document=masked`);
    const p = await call(s, 'PATCH', `/v1/customers/${id}`, { ...admin, headers: { ...admin.headers, 'If-Match': cur.headers.get('etag')! }, body: { marketingConsent: { email: true, sms: false, whatsapp: true } } });
    expect(p.status, p.text).toBe(200);
    h = await call(s, 'GET', `/v1/customers/${id}/consents`);
    expect(h.json.items[0]).toMatchObject({ channel: 'sms', granted: false, source: 'admin', recordedBy: { name: 'Marina (loja)' } });
    // Oldest first when reversed: the registration's records come first.
    expect(h.json.items.at(-1)).toMatchObject({ source: 'storefront', textVersion: 1 });

    // The data log and the change feed know each recording.
    const log = await call(s, 'GET', '/v1/audit?action=consent.record');
    expect(log.json.items.length).toBeGreaterThanOrEqual(2);
    expect(log.json.items.some((e: { source?: string; actor: { name?: string } }) => e.source === 'pos' && e.actor.name === 'Marina (loja)')).toBe(true);
    // One entry for every record: registration, account area (both routes), admin record and PATCH.
    const about = log.json.items.filter((e: { target?: string }) => e.target === id);
    expect(about.map((e: { channel: string; toStatus: string; source: string }) => `${e.channel}:${e.toStatus}:${e.source}`).sort()).toEqual(
      h.json.items.map((r: { channel: string; granted: boolean; source: string }) => `${r.channel}:${r.granted ? 'granted' : 'revoked'}:${r.source}`).sort(),
    );
    const events = await call(s, 'GET', '/v1/events?types=consent.updated');
    expect(events.json.items.length).toBeGreaterThanOrEqual(3);
  });

  it('a customer created with consent through the API records it with the customer\'s origin as source', async () => {
    const created = await call(s, 'POST', '/v1/customers', { body: { ...PERSON, document: '390.533.447-05', email: 'maria@example.com', source: 'pos', marketingConsent: { email: true, sms: false, whatsapp: false } } });
    expect(created.status, created.text).toBe(201);
    const h = await call(s, 'GET', `/v1/customers/${created.json.id}/consents`);
    expect(h.json.items).toEqual([expect.objectContaining({ channel: 'email', granted: true, source: 'pos', textVersion: 2 })]);
  });
});

describe.each(everyServer('consent-import'))('consent columns in a spreadsheet import on %s', (_kind, open) => {
  let s: MockServer;
  afterAll(() => s?.close());
  const post = (csv: string, dryRun: boolean) => call(s, 'POST', `/v1/imports?dryRun=${dryRun}`, { raw: csv, headers: { 'Content-Type': 'text/csv' } });

  it('"Aceita e-mail/SMS/WhatsApp" (sim/não/true/false/1/0) become records of source import, shown in the preview, in the import\'s transaction', async () => {
    s = await open();
    const header = 'Tipo;CPF/CNPJ;Nome (primeiro);Sobrenome;E-mail;Telefone;Aceita e-mail;Aceita SMS;Aceita WhatsApp';
    const rows = [
      'Pessoa física;529.982.247-25;Lia;Planilha;lia@example.com;(11) 98765-4321;Sim;não;1',
      'Pessoa física;390.533.447-05;Rui;Planilha;rui@example.com;(11) 98765-1234;false;TRUE;',
      'Pessoa física;111.444.777-35;Ivo;Planilha;ivo@example.com;(11) 98765-5678;talvez;0;0',
    ];
    const csv = [header, ...rows].join('\r\n') + '\r\n';
    const dry = await post(csv, true);
    expect(dry.status, dry.text).toBe(200);
    expect(dry.json).toMatchObject({ created: 2, rejected: 1 });
    // The preview shows each row's consent; an unreadable answer is an error of its column, never a "no".
    expect(dry.json.rows.map((r: { name?: string; marketingConsent?: unknown }) => [r.name, r.marketingConsent])).toEqual([
      ['Lia Planilha', { email: true, sms: false, whatsapp: true }],
      ['Rui Planilha', { email: false, sms: true, whatsapp: false }],
      ['Ivo Planilha', undefined],
    ]);
    expect(dry.json.errors).toEqual([expect.objectContaining({ row: 4, path: 'marketingConsent.email', code: 'invalid_value' })]);
    expect(dry.json.errors[0].message).toBeTruthy();
    // A dry run records nothing.
    expect((await call(s, 'GET', '/v1/customers?q=Planilha')).json.items).toHaveLength(0);

    const done = await post([header, rows[0], rows[1]].join('\r\n') + '\r\n', false);
    expect(done.status, done.text).toBe(200);
    expect(done.json.created).toBe(2);
    const lia = done.json.rows[0].id as string;
    const rui = done.json.rows[1].id as string;
    const h = await call(s, 'GET', `/v1/customers/${lia}/consents`);
    expect(h.json.items.map((r: { channel: string; granted: boolean; source: string }) => [r.channel, r.granted, r.source]).sort()).toEqual([
      ['email', true, 'import'],
      ['whatsapp', true, 'import'],
    ]);
    expect((await call(s, 'GET', `/v1/customers/${lia}?document=masked`)).json.marketingConsent).toMatchObject({ email: true, sms: false, whatsapp: true });
    expect((await call(s, 'GET', `/v1/customers/${rui}/consents`)).json.items.map((r: { channel: string; source: string }) => `${r.channel}:${r.source}`)).toEqual(['sms:import']);

    // The same file again changes nothing and records nothing; a later file revoking one channel
    // (the others left empty: kept as stored) is one revocation of source import.
    const again = await post([header, rows[0], rows[1]].join('\r\n') + '\r\n', false);
    expect(again.json).toMatchObject({ unchanged: 2, created: 0, updated: 0 });
    expect((await call(s, 'GET', `/v1/customers/${lia}/consents`)).json.items).toHaveLength(2);
    const revoke = await post('CPF/CNPJ;Nome (primeiro);Sobrenome;Aceita WhatsApp\r\n529.982.247-25;Lia;Planilha;não\r\n', false);
    expect(revoke.json, revoke.text).toMatchObject({ updated: 1 });
    expect(revoke.json.rows[0].marketingConsent).toEqual({ email: true, sms: false, whatsapp: false });
    const after = await call(s, 'GET', `/v1/customers/${lia}/consents`);
    expect(after.json.items[0]).toMatchObject({ channel: 'whatsapp', granted: false, source: 'import' });
    expect(after.json.items).toHaveLength(3);

    // The export writes the consent columns, and that file imports back unchanged.
    const exported = await call(s, 'POST', '/v1/exports', { body: { format: 'csv', ids: [lia, rui], columns: ['kind', 'document', 'firstName', 'lastName', 'email', 'consentEmail', 'consentSms', 'consentWhatsapp'] } });
    expect(exported.status, exported.text).toBe(200);
    const file = exported.text.replace(/^\uFEFF/, '');
    expect(file.split('\r\n')[0]).toContain('Aceita e-mail;Aceita SMS;Aceita WhatsApp');
    expect(file).toMatch(/;Sim;Não;Não\r\n|;Não;Sim;Não\r\n/);
    const back = await post(file, false);
    expect(back.json).toMatchObject({ unchanged: 2, rejected: 0 });
  });
});

describe.each(everyStore('consent-store'))('consent history on %s', (_kind, open) => {
  it('is append-only: in order written, kept whole', async () => {
    const store = await open();
    try {
      const base = { customerId: 'cus_a', purpose: 'marketing' as const, at: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', source: 'admin' as const, recordedBy: { keyId: 'sk' } };
      await store.transaction(async (tx) => {
        await tx.appendConsentRecords([{ ...base, id: 'cns_1', channel: 'email', granted: true }]);
        await tx.appendConsentRecords([{ ...base, id: 'cns_2', channel: 'email', granted: false, evidence: { note: 'pediu por telefone' } }]);
      });
      await store.appendConsentRecords([{ ...base, id: 'cns_3', customerId: 'cus_b', channel: 'sms', granted: true }]);
      expect((await store.listConsentRecords('cus_a')).map((r) => r.id)).toEqual(['cns_1', 'cns_2']);
      expect((await store.listConsentRecords('cus_a'))[1]).toMatchObject({ evidence: { note: 'pediu por telefone' } });
      // A failed transaction writes no record (SQLite and PostgreSQL undo it).
      if (store.kind !== 'memory') {
        await expect(
          store.transaction(async (tx) => {
            await tx.appendConsentRecords([{ ...base, id: 'cns_4', channel: 'push', granted: true }]);
            throw new Error('crash');
          }),
        ).rejects.toThrow('crash');
        expect(await store.listConsentRecords('cus_a')).toHaveLength(2);
      }
    } finally {
      await store.close();
    }
  });
});
