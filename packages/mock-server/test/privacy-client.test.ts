// client.consents and client.privacyRequests against the real server, in process: each answer
// is checked against its schema by the client, so a drift between the two fails here.
import JSZip from 'jszip';
import { isRegistrationPending } from '@clientela/core/rules';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@clientela/core/client';
import { createApp } from '../src/index.js';
import { PERSON } from './helpers.js';

const server = createApp({ now: () => new Date('2026-11-22T12:00:00.000Z') });
afterAll(() => server.close());
const client = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.secret, fetch: server.fetch, actor: 'Marina' });
const shop = createClient({ baseUrl: 'http://mock.test', apiKey: server.keys.publishable, fetch: server.fetch });

describe('client.consents and client.privacyRequests', () => {
  it('round trip: texts, records, the shopper’s choices and requests, the archive, an erasure', async () => {
    const v1 = await client.consents.writeText('marketing', 'Aceito receber ofertas.');
    expect(v1.version).toBe(1);
    expect((await shop.consents.texts()).marketing?.text).toBe('Aceito receber ofertas.');
    const ana = await shop.account.register({ ...PERSON, password: 'pé-de-moleque-9', consentTextVersion: 1, marketingConsent: { email: true, sms: false, whatsapp: false } } as never);
    if (isRegistrationPending(ana)) throw new Error('expected a new customer, the store held the document');
    const session = await shop.account.signIn({ email: PERSON.email, password: 'pé-de-moleque-9' });
    const chosen = await shop.consents.choose(session.token, { purpose: 'marketing', channels: { email: false } });
    expect(chosen.current.marketing.email).toMatchObject({ granted: false, source: 'storefront' });
    const record = await client.consents.record(ana.id, { channel: 'push', purpose: 'transactional', granted: true, source: 'pos', evidence: { note: 'No caixa' } });
    expect(record.recordedBy).toMatchObject({ name: 'Marina' });
    expect((await client.consents.history(ana.id)).items).toHaveLength(3);

    const request = await shop.privacyRequests.open(session.token, { type: 'portability' });
    expect((await shop.privacyRequests.mine(session.token)).items.map((r) => r.id)).toEqual([request.id]);
    const { blob, filename } = await shop.privacyRequests.myArchive(session.token);
    expect(filename).toBe(`dados-${ana.id}.zip`);
    const data = JSON.parse(await (await JSZip.loadAsync(await blob.arrayBuffer())).file('data.json')!.async('string'));
    expect(data.profile.id).toBe(ana.id);
    const started = await client.privacyRequests.update(request, { status: 'in_progress' });
    const done = await client.privacyRequests.update(started, { status: 'completed' });
    expect(done.handledBy).toMatchObject({ name: 'Marina' });
    expect((await client.privacyRequests.list({ status: 'completed' })).items.map((r) => r.id)).toEqual([request.id]);

    const erasure = await client.privacyRequests.create({ customerId: ana.id, type: 'anonymization' });
    const erased = await client.privacyRequests.anonymize(ana.id, { confirmation: 'ANONIMIZAR', requestId: erasure.id });
    expect(erased).toMatchObject({ status: 'deleted', firstName: 'Cliente', lastName: 'anonimizado' });
    expect((await client.privacyRequests.retrieve(erasure.id)).status).toBe('completed');
    expect(await client.privacyRequests.settings()).toEqual({ keepDocumentHash: false });
  });
});
