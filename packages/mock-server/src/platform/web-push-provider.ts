import webpush from 'web-push';
import { DeviceGoneError, ProviderError, type MessageProvider, type OutgoingMessage, type ProviderReceipt } from '../service/message-providers.js';
import { accepted, gatewayRefusal, gatewaySaid, postToGateway } from '../service/gateway-post.js';
import type { WebPushKeys } from '../service/web-push-keys.js';

export interface WebPushOptions {
  /** The store's VAPID keys (read from the store: the same on every process). */
  keys: () => Promise<WebPushKeys>;
  /** The VAPID `sub` claim: how the push service reaches the sender, `mailto:…` or `https://…` (default `mailto:push@clientela.invalid`). */
  subject?: string;
  /** Seconds the push service keeps a message for an offline browser (default one day). */
  ttlSeconds?: number;
  /** Milliseconds the push service has to answer (default 10 s; a dispatcher's lease must outlast it). */
  timeoutMs?: number;
  fetch?: (request: Request) => Promise<Response>;
}

/** What the service worker receives (JSON): it shows `title` and `body`; `tag` folds copies of one message into one notification. */
export interface WebPushPayload {
  title: string;
  body: string;
  tag: string;
}

/**
 * Push to browsers over Web Push (RFC 8030), with VAPID (RFC 8292) and the payload encrypted to
 * the subscription's keys (RFC 8291, `aes128gcm`): the `web-push` library builds the request (the
 * JWT, the encryption — the maintained implementation of both), sent here with `fetch` so the
 * timeout, redirects (not followed) and the answer are handled as the other providers do. A 201
 * accepts it (`sent`); 404 or 410 means the subscription is gone for good ({@link DeviceGoneError}:
 * the device is removed); any other 4xx but 408/429 is permanent; the rest is retried. The
 * outbox row's id is the notification's `tag`, so a copy resent after a lease lapsed replaces the
 * first in the browser instead of showing twice.
 *
 * @example
 * createApp({ messages: { webPush: (keys) => new WebPushProvider({ keys }) } });
 */
export class WebPushProvider implements MessageProvider {
  readonly name = 'webpush';
  readonly #options: WebPushOptions;

  constructor(options: WebPushOptions) {
    this.#options = options;
  }

  async send(message: OutgoingMessage): Promise<ProviderReceipt> {
    const subscription = message.device?.subscription;
    if (!subscription) throw new ProviderError('not a Web Push subscription', true);
    const keys = await this.#options.keys();
    const payload: WebPushPayload = { title: message.subject || message.device?.appName || '', body: message.text, tag: message.id };
    let details: webpush.RequestDetails;
    try {
      details = webpush.generateRequestDetails(subscription, JSON.stringify(payload), {
        vapidDetails: { subject: this.#options.subject ?? 'mailto:push@clientela.invalid', publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: this.#options.ttlSeconds ?? 86_400,
        contentEncoding: 'aes128gcm',
      });
    } catch (e) {
      // A subscription whose keys are not a P-256 point and a 16-byte secret can never be sent to.
      throw new ProviderError(`invalid subscription: ${e instanceof Error ? e.message : String(e)}`, true);
    }
    const answer = await postToGateway({ url: details.endpoint, headers: details.headers as Record<string, string>, body: details.body as BodyInit, timeoutMs: this.#options.timeoutMs, fetch: this.#options.fetch });
    if (accepted(answer)) {
      const location = answer.headers.get('Location');
      return { delivered: false, ...(location ? { providerMessageId: location } : {}) };
    }
    if (answer.status === 404 || answer.status === 410) throw new DeviceGoneError(`subscription gone (${gatewaySaid(answer)})`);
    throw gatewayRefusal(answer);
  }
}
