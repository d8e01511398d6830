import { signWebhook, WEBHOOK_SIGNATURE_HEADER } from '@clientela/core/webhooks';
import { accepted, gatewayRefusal, postToGateway } from './gateway-post.js';
import type { MessageProvider, OutgoingMessage, ProviderReceipt } from './message-providers.js';

export interface WebhookProviderOptions {
  /** The integrator's URL (an SMS, WhatsApp or push gateway). */
  url: string;
  /** Signs each POST as webhook deliveries are signed (`Clientela-Signature: t=…,v1=…`). */
  secret: string;
  /** Milliseconds the gateway has to answer (default 10 s; a dispatcher's lease must outlast it). */
  timeoutMs?: number;
  fetch?: (request: Request) => Promise<Response>;
  now?: () => Date;
}

/**
 * Any gateway plugged in over HTTP: one signed POST per message (JSON: `id`, `channel`,
 * `customerId`, `to`, `subject`, `text`; for push `to` is a device's token and `device` says
 * which: `id`, `platform`, `appName` — one POST per device), with the signature of the webhooks and the outbox row's
 * id as `Idempotency-Key`, so a gateway that keeps keys drops a copy resent after a lease lapsed.
 * A 2xx accepts it (`sent`; the answer's JSON `id`, if any, is kept); a 4xx other than 408 and
 * 429 is permanent; anything else, a timeout or a redirect (not followed) is retried.
 *
 * @example
 * createApp({ messages: { providers: { sms: new WebhookMessageProvider({ url, secret }) } } });
 */
export class WebhookMessageProvider implements MessageProvider {
  readonly name = 'webhook';
  readonly #options: WebhookProviderOptions;

  constructor(options: WebhookProviderOptions) {
    this.#options = options;
  }

  async send(message: OutgoingMessage): Promise<ProviderReceipt> {
    const body = JSON.stringify({
      id: message.id,
      channel: message.channel,
      customerId: message.customerId,
      to: message.to,
      ...(message.device ? { device: message.device } : {}),
      ...(message.subject ? { subject: message.subject } : {}),
      text: message.text,
    });
    const at = this.#options.now?.() ?? new Date();
    const signature = await signWebhook(this.#options.secret, body, Math.floor(at.getTime() / 1000));
    const answer = await postToGateway({
      url: this.#options.url,
      body,
      timeoutMs: this.#options.timeoutMs,
      fetch: this.#options.fetch,
      headers: { 'Content-Type': 'application/json', [WEBHOOK_SIGNATURE_HEADER]: signature, 'Idempotency-Key': message.id, 'User-Agent': 'Clientela-Messages/1' },
    });
    if (!accepted(answer)) throw gatewayRefusal(answer);
    let id: string | undefined;
    try {
      const parsed = JSON.parse(answer.text) as { id?: unknown };
      if (typeof parsed.id === 'string') id = parsed.id;
    } catch {
      // A gateway may answer with no body or plain text: accepted all the same.
    }
    return { delivered: false, ...(id ? { providerMessageId: id } : {}) };
  }
}
