import { AuditPageSchema, AuditQuerySchema, RegistrationSettingsSchema } from '@clientela/core/schemas';
import { audit, inTransaction, settingsOf, type ServerContext } from '../context.js';
import { decodeTuple, encodeTuple } from '../http/cursor.js';
import type { Router } from '../openapi/define-route.js';

export function registerSettingsAndAudit(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/settings/registration',
    tag: 'settings',
    summary: 'Which registration fields are required, optional or hidden, per kind',
    access: 'secret',
    responses: { 200: { description: 'Settings', schema: RegistrationSettingsSchema } },
    handler: async (c) => c.json(await settingsOf(ctx)),
  });

  router.define({
    method: 'put',
    path: '/v1/settings/registration',
    tag: 'settings',
    summary: 'Replace the registration settings (audited settings.update)',
    access: 'secret',
    request: { body: RegistrationSettingsSchema },
    responses: { 200: { description: 'Settings', schema: RegistrationSettingsSchema } },
    handler: async (c, { body }) => {
      await inTransaction(ctx, async (t) => {
        await t.store.setMeta('settings:registration', body);
        await audit(t, c, { action: 'settings.update', count: 1, detail: 'registration' });
      });
      return c.json(body);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/settings/registration',
    tag: 'settings',
    summary: 'Registration settings for the storefront form',
    access: 'public',
    responses: { 200: { description: 'Settings', schema: RegistrationSettingsSchema } },
    handler: async (c) => c.json(await settingsOf(ctx)),
  });

  router.define({
    method: 'get',
    path: '/v1/audit',
    tag: 'audit',
    summary: 'The data log, newest first (cursor pages)',
    access: 'secret',
    request: { query: AuditQuerySchema },
    responses: { 200: { description: 'One page', schema: AuditPageSchema } },
    handler: async (c, { query }) => {
      const before = decodeTuple(query.cursor, 1, c.get('locale'));
      const limit = query.limit ?? 50;
      const rows = await ctx.store.listAudit({
        action: query.action,
        since: query.since ? new Date(query.since).toISOString() : undefined,
        until: query.until ? new Date(query.until).toISOString() : undefined,
        beforeSeq: before ? Number(before[0]) : undefined,
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return c.json({ items: page.map((r) => r.entry), nextCursor: rows.length > limit && last ? encodeTuple([last.seq]) : null });
    },
  });
}
