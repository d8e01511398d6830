import { expect, expectEqual, expectFieldError, expectStatus } from '../assert.js';
import type { Body, Session } from '../session.js';

/**
 * Messages, without sending anything to anyone: the run's own customer has no consent on any
 * channel, so the preview counts it out, a send without the legal tick is refused, and a send with
 * it makes a batch whose only recipient is skipped for no consent.
 */
export async function messageChecks(s: Session): Promise<void> {
  const { http, runner } = s;
  runner.begin('messages', 'preview counts, the legal tick (422 without it), a batch whose recipient without consent is skipped with the reason');
  let customer: Body | undefined;
  let batch: Body | undefined;
  const content = () => ({ ids: [customer!.id], channel: 'email', subject: 'Conformidade', text: 'Oi {{primeiroNome}}' });

  await runner.check('POST /v1/messages/preview counts a customer without consent as excluded (noConsent)', async () => {
    customer = await s.mustCreate(s.person({ marketingConsent: { email: false, sms: false, whatsapp: false } }));
    const r = await http.post('/v1/messages/preview', content());
    expectStatus(r, 200);
    expectEqual(r.json.counts, { matched: 1, recipients: 0, noConsent: 1, noContact: 0, inactive: 0 }, 'counts');
    expect(r.json.sample === null, 'a sample was rendered for no recipient');
  });
  await runner.check('POST /v1/messages without acknowledgedResponsibility → 422 responsibility_not_acknowledged', async () => {
    expect(customer, 'the customer was not created');
    expectFieldError(await http.post('/v1/messages', content()), 'acknowledgedResponsibility', 'responsibility_not_acknowledged');
    expectFieldError(await http.post('/v1/messages', { ...content(), text: 'Oi {{apelido}}', acknowledgedResponsibility: true }), 'text', 'unknown_variable');
  });
  await runner.check('POST /v1/messages with the tick → 201; its recipient is skipped (no_consent), listed in the batch and under the customer', async () => {
    expect(customer, 'the customer was not created');
    const r = await http.post('/v1/messages', { ...content(), acknowledgedResponsibility: true });
    expectStatus(r, 201);
    batch = r.json;
    expectEqual(batch!.progress, { queued: 0, sent: 0, delivered: 0, failed: 0, skipped: 1 }, 'progress');
    const recipients = await http.get(`/v1/messages/${batch!.id}/recipients`);
    expectStatus(recipients, 200);
    const [row] = recipients.json.items as Body[];
    expect(row?.status === 'skipped' && row.skipReason === 'no_consent', 'the recipient is not skipped for no_consent');
    const mine = await http.get(`/v1/customers/${customer!.id}/messages`);
    expect((mine.json.items as Body[]).some((m) => m.messageId === batch!.id), 'the customer does not list the message');
    expect(((await http.get('/v1/messages')).json.items as Body[]).some((b) => b.id === batch!.id), 'GET /v1/messages does not list the batch');
  });
}
