import * as z from 'zod/mini';
import { plainText, rule } from './rules.js';
import { isWebhookUrl } from './webhook.js';

// Channel settings (`/v1/settings/channels`): which provider sends each message channel and how
// fast. E-mail goes through the development provider (kept in the outbox, marked delivered) or an
// SMTP server; SMS, WhatsApp and push through the development provider or a signed webhook to the
// integrator's gateway. Secrets (the SMTP password, the webhook's signing secret) are write-only:
// reads show them masked, and a write that leaves them out keeps the stored one.

const rate = z.optional(z.nullable(z.int().check(z.gte(1), z.lte(1_000_000))));
const secret = z.string().check(z.minLength(1), z.maxLength(500));

const emailBase = {
  provider: z.enum(['development', 'smtp']),
  host: z.optional(z.string().check(z.trim(), z.maxLength(255), plainText())),
  port: z.optional(z.int().check(z.gte(1), z.lte(65_535))),
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: z.optional(z.boolean()),
  user: z.optional(z.string().check(z.trim(), z.maxLength(255), plainText())),
  /** The sender, `"Loja" <contato@loja.com.br>`. */
  from: z.optional(z.string().check(z.trim(), z.maxLength(255), plainText())),
  /** Messages per minute across every server process (null: no limit). */
  ratePerMinute: rate,
};

const gatewayBase = {
  provider: z.enum(['development', 'webhook']),
  url: z.optional(z.string().check(z.trim(), rule('invalid_webhook_url', isWebhookUrl))),
  ratePerMinute: rate,
};
/**
 * Push also takes `webpush`: browsers' Web Push subscriptions are sent over Web Push (VAPID,
 * encrypted payload) by the server itself; app devices (APNs, FCM tokens) go to the webhook when a
 * `url` and `secret` are set, and fail otherwise.
 */
const pushBase = { ...gatewayBase, provider: z.enum(['development', 'webhook', 'webpush']) };

/** `PUT /settings/channels`: each channel's provider; `password` and `secret` left out keep the stored ones. */
export const ChannelSettingsUpdateSchema = z.strictObject({
  email: z.strictObject({ ...emailBase, password: z.optional(secret) }),
  sms: z.strictObject({ ...gatewayBase, secret: z.optional(secret.check(z.minLength(16))) }),
  whatsapp: z.strictObject({ ...gatewayBase, secret: z.optional(secret.check(z.minLength(16))) }),
  push: z.strictObject({ ...pushBase, secret: z.optional(secret.check(z.minLength(16))) }),
});

/** The settings as read: each secret only as a mask of its last characters (`••••••ab12`), or absent. */
export const ChannelSettingsSchema = z.strictObject({
  email: z.strictObject({ ...emailBase, passwordMasked: z.optional(z.string()) }),
  sms: z.strictObject({ ...gatewayBase, secretMasked: z.optional(z.string()) }),
  whatsapp: z.strictObject({ ...gatewayBase, secretMasked: z.optional(z.string()) }),
  push: z.strictObject({ ...pushBase, secretMasked: z.optional(z.string()) }),
});

export type ChannelSettingsUpdate = z.input<typeof ChannelSettingsUpdateSchema>;
export type ChannelSettings = z.infer<typeof ChannelSettingsSchema>;
