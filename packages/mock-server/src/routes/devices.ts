import * as z from 'zod/mini';
import { DEVICES_PER_CUSTOMER, DeviceListSchema, DeviceRegisterSchema, DeviceSchema, WebPushKeySchema, type Device, type FieldIssue } from '@clientela/core/schemas';
import type { Context } from 'hono';
import type { ServerContext } from '../context.js';
import { fail422, fieldIssue, HttpProblem } from '../http/problem.js';
import { webPushKeys } from '../service/web-push-keys.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { registerDevice } from '../service/devices.js';
import { customerOfSession } from '../service/sessions.js';
import type { StoredDevice } from '../store/types.js';

// Push devices (#17): a signed-in shopper turns push on in an app or a browser by registering the
// token its push service gave it; the store reads a customer's devices. A push message reaches a
// customer only through these (see service/messages.ts).

const SESSION = { name: 'Clientela-Session', required: true, description: 'The token of `POST /v1/public/sessions` (or of setting a password).' };
const SESSION_401 = { description: 'No session (`session-required`), or it expired or was ended (`session-expired`)' };
const IdParams = z.object({ id: z.string() });

/** A device as answered: the token stays on the server, its last 6 characters tell devices apart. */
export function publicDevice({ token, subscription, ...d }: StoredDevice): Device {
  return { ...d, tokenEnd: token.slice(-6), ...(subscription ? { webPush: true } : {}) };
}

function session(c: Context<AppEnv>): string | undefined {
  return c.req.header('Clientela-Session')?.trim() || undefined;
}

export function registerDevices(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'post',
    path: '/v1/public/me/devices',
    tag: 'account',
    summary: 'Turn push messages on in this app or browser: register its push token for the signed-in shopper',
    description:
      `Idempotent per token: the same token again answers the same device (200, \`lastSeenAt\`, app and label renewed); a new one is created (201). A token another account registered moves to this one and leaves the other (one device, one person signed in). A customer keeps at most ${DEVICES_PER_CUSTOMER} devices: the one seen longest ago is let go. The token is never answered back (\`tokenEnd\`: its last 6 characters).`,
    access: 'public',
    request: { body: DeviceRegisterSchema, headers: [SESSION] },
    responses: {
      200: { description: 'The device, already registered', schema: DeviceSchema },
      201: { description: 'The device, registered now', schema: DeviceSchema },
      401: SESSION_401,
      422: { description: 'A token, platform or app name that is missing or invalid' },
    },
    handler: async (c, { body }) => {
      const customer = await customerOfSession(ctx, session(c));
      // A token, or a browser's Web Push subscription (whose endpoint is the token), and not both.
      const issues: FieldIssue[] = [];
      if (!body.token && !body.subscription) issues.push(fieldIssue('token', 'required', c.get('locale')));
      if (body.token && body.subscription) issues.push(fieldIssue('token', 'unrecognized_key', c.get('locale')));
      if (body.subscription && body.platform !== 'web') issues.push(fieldIssue('platform', 'invalid_value', c.get('locale')));
      if (issues.length) fail422(issues);
      const { device, created } = await registerDevice(ctx, customer.id, body);
      return c.json(publicDevice(device), created ? 201 : 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/push/vapid-key',
    tag: 'account',
    summary: "The store's VAPID public key: the applicationServerKey a browser subscribes to Web Push with",
    description:
      'Made once per store (a P-256 key pair; the private key is kept sealed under the secrets key) and the same on every process, so a subscription stays valid across restarts. 503 `web_push_unavailable` on a server that cannot keep the private key (PostgreSQL without `--secrets-key`).',
    access: 'public',
    responses: { 200: { description: 'The public key, base64url (an uncompressed P-256 point)', schema: WebPushKeySchema }, 503: { description: 'No secrets key to keep the private key with (`web_push_unavailable`)' } },
    handler: async (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json({ publicKey: (await webPushKeys(ctx)).publicKey }, 200);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/public/me/devices',
    tag: 'account',
    summary: "The signed-in shopper's push devices, the last seen first",
    access: 'public',
    request: { headers: [SESSION] },
    responses: { 200: { description: 'Devices', schema: DeviceListSchema }, 401: SESSION_401 },
    handler: async (c) => {
      const customer = await customerOfSession(ctx, session(c));
      return c.json({ items: (await ctx.store.listDevices(customer.id)).map(publicDevice) }, 200);
    },
  });

  router.define({
    method: 'delete',
    path: '/v1/public/me/devices/:id',
    tag: 'account',
    summary: 'Turn push messages off on one of the shopper’s devices',
    description: 'Answers 204 also when the device is already gone or was never this shopper’s (nothing of another account is touched or revealed).',
    access: 'public',
    request: { params: IdParams, headers: [SESSION] },
    responses: { 204: { description: 'Removed' }, 401: SESSION_401 },
    handler: async (c, { params }) => {
      const customer = await customerOfSession(ctx, session(c));
      await ctx.store.deleteDevice(customer.id, params.id);
      return c.body(null, 204);
    },
  });

  router.define({
    method: 'get',
    path: '/v1/customers/:id/devices',
    tag: 'messages',
    summary: "A customer's push devices (the apps and browsers that receive push messages), the last seen first",
    access: 'secret',
    request: { params: IdParams },
    responses: { 200: { description: 'Devices', schema: DeviceListSchema }, 404: { description: 'No such customer' } },
    handler: async (c, { params }) => {
      if (!(await ctx.store.getCustomer(params.id))) throw new HttpProblem('not_found', 404);
      return c.json({ items: (await ctx.store.listDevices(params.id)).map(publicDevice) }, 200);
    },
  });
}
