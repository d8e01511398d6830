import { ChannelSettingsSchema, ChannelSettingsUpdateSchema } from '@clientela/core/schemas';
import { audit, inTransaction, type ServerContext } from '../context.js';
import type { Router } from '../openapi/define-route.js';
import { applyChannelUpdate, defaultChannelSettings, publicChannelSettings, readChannelSettings, writeChannelSettings, type StoredChannelSettings } from '../service/channel-settings.js';

// Channel settings (#17 §2): the provider and rate of each message channel, read and replaced by
// the store (secret key); audited; secrets write-only.

export function registerChannelSettings(router: Router, ctx: ServerContext, wake: () => void): void {
  router.define({
    method: 'get',
    path: '/v1/settings/channels',
    tag: 'settings',
    summary: 'Which provider sends each message channel (development, SMTP, webhook) and its rate per minute; secrets masked',
    access: 'secret',
    responses: { 200: { description: 'Settings', schema: ChannelSettingsSchema } },
    handler: async (c) => c.json(publicChannelSettings((await readChannelSettings(ctx)) ?? defaultChannelSettings()), 200),
  });

  router.define({
    method: 'put',
    path: '/v1/settings/channels',
    tag: 'settings',
    summary: 'Replace the channel settings (audited settings.update); a password or secret left out keeps the stored one',
    description:
      'E-mail: `development` or `smtp` (`host`, `port`, `from` required; `secure`, `user`, `password`). SMS, WhatsApp and push: `development` or `webhook` (`url` and a signing `secret` of 16+ characters required, the secret kept when left out); push also `webpush` (browser subscriptions over Web Push; `url` and `secret` optional, for app devices). `ratePerMinute` (null: no limit) counts across every process. Every process sends with the new settings from its next round.',
    access: 'secret',
    request: { body: ChannelSettingsUpdateSchema },
    responses: { 200: { description: 'Settings, secrets masked', schema: ChannelSettingsSchema }, 409: { description: 'A password or secret to keep on PostgreSQL without `--secrets-key` (`secrets_key_required`)' }, 422: { description: 'A field a provider needs is missing or invalid' } },
    handler: async (c, { body }) => {
      const saved = await inTransaction(ctx, async (t): Promise<StoredChannelSettings> => {
        const next = applyChannelUpdate(await readChannelSettings(t), body, c.get('locale'));
        await writeChannelSettings(t, next);
        await audit(t, c, { action: 'settings.update', count: 1, detail: 'channels' });
        return next;
      });
      queueMicrotask(wake);
      return c.json(publicChannelSettings(saved), 200);
    },
  });
}
