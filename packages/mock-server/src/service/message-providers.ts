import type { DevicePlatform, MessageChannel } from '@clientela/core/schemas';
import type { StoredWebPushSubscription } from '../store/types.js';

// The one interface every message provider implements (SMTP, a signed webhook to a gateway, the
// offline development provider), so the outbox and its dispatcher — and later automations and
// account recovery — send the same way whatever is plugged in per channel.

/** One message as a provider receives it, rendered for its recipient. */
export interface OutgoingMessage {
  /**
   * The outbox row's id: stable across retries, so a provider that accepts an idempotency key
   * (`Idempotency-Key`, a `Message-ID`) drops a second copy sent after a lease lapsed mid-send.
   */
  id: string;
  channel: MessageChannel;
  customerId: string;
  /** E-mail address or phone, as the channel needs; for push, the device's token. */
  to: string;
  /**
   * Push: the device the token belongs to. A push message goes once to each of the customer's
   * devices; `id` is then the outbox row's id and the device's (`mr_….dev_…`), stable per device.
   */
  device?: { id: string; platform: DevicePlatform; appName: string; subscription?: StoredWebPushSubscription | undefined } | undefined;
  subject?: string | undefined;
  /** Plain text; an e-mail's HTML part is built from it, escaped. */
  text: string;
}

/** What a provider reports: `delivered` when it knows the message arrived, otherwise it was accepted (`sent`). */
export interface ProviderReceipt {
  delivered: boolean;
  providerMessageId?: string | undefined;
}

/** A provider's refusal. `permanent`: retrying cannot help (a rejected address), so it is not retried. */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  constructor(
    message: string,
    readonly permanent = false,
  ) {
    super(message);
  }
}

/**
 * The push service says the device is gone for good (Web Push: 404 or 410, the subscription
 * expired or the person revoked the permission): the device is removed, not only this message.
 */
export class DeviceGoneError extends ProviderError {
  constructor(message: string) {
    super(message, true);
  }
}

export interface MessageProvider {
  /** A short name for logs and the recipient's record (`smtp`, `webhook`, `development`). */
  readonly name: string;
  /** Sends one message; throws (a {@link ProviderError} or anything else) when it was not accepted. */
  send(message: OutgoingMessage): Promise<ProviderReceipt>;
}

/**
 * The provider `npm start` uses: nothing leaves the machine; each message is kept in the outbox
 * row (its rendered text) and marked delivered, so the examples show the whole flow offline.
 */
export class DevelopmentProvider implements MessageProvider {
  readonly name = 'development';
  send(message: OutgoingMessage): Promise<ProviderReceipt> {
    return Promise.resolve({ delivered: true, providerMessageId: `dev_${message.id}` });
  }
}
