import type {
  ConsentChoice,
  ConsentHistory,
  ConsentRecord,
  ConsentRecordCreate,
  ConsentText,
  ConsentTexts,
  ConsentPurpose,
  Customer,
  PrivacyRequest,
  PrivacyRequestCreate,
  PrivacyRequestPatch,
  PrivacyRequestStatus,
  PrivacySettings,
  PrivacyRequestType,
} from '../schemas/index.js';
import type { PrivacyRequestPageSchema } from '../schemas/privacy.js';
import type * as z from 'zod/mini';
import type { Download } from './client.js';
import { filenameOf } from './client.js';
import type { CallOptions, IdempotentCallOptions, Transport, WriteCallOptions } from './request.js';

// LGPD (#18 §1–§2): `client.consents` (a customer's consent history, the store's versioned texts,
// the shopper's own choices) and `client.privacyRequests` (the queue, the archive, erasure).

const enc = encodeURIComponent;
type PrivacyRequestPage = z.output<typeof PrivacyRequestPageSchema>;

/** `client.consents`. */
export function consents(t: Transport) {
  return {
    /**
     * A customer's consent: the current state per purpose and channel, and every record (newest first).
     *
     * @example
     * const { current, items } = await client.consents.history('cus_123');
     */
    history: (customerId: string, options?: CallOptions): Promise<ConsentHistory> =>
      t.request('consentHistory', { ...options, path: `customers/${enc(customerId)}/consents` }),

    /**
     * Records a consent given or revoked elsewhere (the point of sale, a paper form), with its evidence.
     *
     * @example
     * await client.consents.record('cus_123', { channel: 'email', purpose: 'marketing', granted: true, source: 'pos', evidence: { note: 'Ficha assinada' } });
     */
    record: (customerId: string, body: ConsentRecordCreate, options?: IdempotentCallOptions): Promise<ConsentRecord> =>
      t.request('consentRecord', { ...options, method: 'post', path: `customers/${enc(customerId)}/consents`, json: body, idem: true }),

    /**
     * The current consent texts (with a publishable key too: the registration form shows them).
     *
     * @example
     * const { marketing } = await client.consents.texts();
     */
    texts: (options?: CallOptions): Promise<ConsentTexts> => t.request('consentTexts', { ...options, path: 'public/settings/consent-texts' }),

    /**
     * Writes a purpose's text: other words make a new version.
     *
     * @example
     * await client.consents.writeText('marketing', 'Aceito receber ofertas por e-mail, SMS e WhatsApp.');
     */
    writeText: (purpose: ConsentPurpose, text: string, options?: CallOptions): Promise<ConsentText> =>
      t.request('consentText', { ...options, method: 'put', path: `settings/consent-texts/${purpose}`, json: { text } }),

    /**
     * The signed-in shopper's own consent.
     *
     * @example
     * const mine = await client.consents.mine(session.token);
     */
    mine: (session: string, options?: CallOptions): Promise<ConsentHistory> => t.request('consentHistory', { ...options, path: 'public/me/consents', session }),

    /**
     * The signed-in shopper gives or revokes channels of a purpose.
     *
     * @example
     * await client.consents.choose(session.token, { purpose: 'marketing', channels: { email: false } });
     */
    choose: (session: string, body: ConsentChoice, options?: CallOptions): Promise<ConsentHistory> =>
      t.request('consentHistory', { ...options, method: 'post', path: 'public/me/consents', json: body, session }),
  };
}

/** `client.privacyRequests`. */
export function privacyRequests(t: Transport) {
  const zip = async (path: string, fallback: string, options: CallOptions & { session?: string } = {}): Promise<Download> => {
    const response = await t.send({ ...options, path });
    return { blob: await response.blob(), filename: filenameOf(response, fallback) };
  };
  return {
    /**
     * One page of the queue, newest first.
     *
     * @example
     * const { items } = await client.privacyRequests.list({ status: 'open' });
     */
    list: (query: { status?: PrivacyRequestStatus; customerId?: string; cursor?: string; limit?: number } = {}, options?: CallOptions): Promise<PrivacyRequestPage> =>
      t.request('privacyRequestPage', { ...options, path: 'privacy-requests', query }),

    /** @example const r = await client.privacyRequests.retrieve('prq_123'); */
    retrieve: (id: string, options?: CallOptions): Promise<PrivacyRequest> => t.request('privacyRequest', { ...options, path: `privacy-requests/${enc(id)}` }),

    /**
     * Opens a request on a customer's behalf.
     *
     * @example
     * await client.privacyRequests.create({ customerId: 'cus_123', type: 'access' });
     */
    create: (body: PrivacyRequestCreate, options?: IdempotentCallOptions): Promise<PrivacyRequest> =>
      t.request('privacyRequest', { ...options, method: 'post', path: 'privacy-requests', json: body, idem: true }),

    /**
     * Starts, completes or refuses a request (the record read before gives the `If-Match`).
     *
     * @example
     * await client.privacyRequests.update(request, { status: 'completed', resolution: 'Arquivo entregue' });
     */
    update: (request: { id: string; version: number }, patch: PrivacyRequestPatch, options?: WriteCallOptions): Promise<PrivacyRequest> =>
      t.request('privacyRequest', { ...options, method: 'patch', path: `privacy-requests/${enc(request.id)}`, json: patch, target: request }),

    /**
     * Everything held about a customer, as one zip (audited).
     *
     * @example
     * const { blob, filename } = await client.privacyRequests.archive('cus_123');
     */
    archive: (customerId: string, options?: CallOptions): Promise<Download> => zip(`customers/${enc(customerId)}/archive`, `dados-${customerId}.zip`, options),

    /**
     * Erases a customer by anonymization: `confirmation` must be `ANONIMIZAR`.
     *
     * @example
     * await client.privacyRequests.anonymize('cus_123', { confirmation: 'ANONIMIZAR', requestId: 'prq_123' });
     */
    anonymize: (customerId: string, body: { confirmation: string; requestId?: string }, options?: CallOptions): Promise<Customer> =>
      t.request('customer', { ...options, method: 'post', path: `customers/${enc(customerId)}/anonymize`, json: body }),

    /** @example const { keepDocumentHash } = await client.privacyRequests.settings(); */
    settings: (options?: CallOptions): Promise<PrivacySettings> => t.request('privacySettings', { ...options, path: 'settings/privacy' }),

    /** @example await client.privacyRequests.writeSettings({ keepDocumentHash: true }); */
    writeSettings: (body: PrivacySettings, options?: CallOptions): Promise<PrivacySettings> =>
      t.request('privacySettings', { ...options, method: 'put', path: 'settings/privacy', json: body }),

    /** The signed-in shopper's own requests. @example await client.privacyRequests.mine(session.token); */
    mine: (session: string, options?: CallOptions): Promise<PrivacyRequestPage> => t.request('privacyRequestPage', { ...options, path: 'public/me/privacy-requests', session }),

    /**
     * The signed-in shopper opens a request about their own data.
     *
     * @example
     * await client.privacyRequests.open(session.token, { type: 'deletion' });
     */
    open: (session: string, body: { type: PrivacyRequestType; details?: string }, options?: IdempotentCallOptions): Promise<PrivacyRequest> =>
      t.request('privacyRequest', { ...options, method: 'post', path: 'public/me/privacy-requests', json: body, session, idem: true }),

    /** "Baixar meus dados": the signed-in shopper's own archive. @example const { blob } = await client.privacyRequests.myArchive(session.token); */
    myArchive: (session: string, options?: CallOptions): Promise<Download> => zip('public/me/archive', 'meus-dados.zip', { ...options, session }),
  };
}
