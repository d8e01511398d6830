import * as z from 'zod/mini';
import { DEVICE_PLATFORMS } from '../rules/constants.js';
import { plainText } from './rules.js';

// Push devices (`/v1/public/me/devices`, `/v1/customers/{id}/devices`): each app or browser a
// signed-in shopper turned notifications on in, as the token its push service gave it. A push
// message reaches a customer only through these; the token itself never leaves the server again
// (lists show its last characters only).

const datetime = () => z.iso.datetime({ offset: true });

export const DevicePlatformSchema = z.enum(DEVICE_PLATFORMS);

const base64url = (min: number, max: number) => z.string().check(z.regex(/^[A-Za-z0-9_-]+={0,2}$/), z.minLength(min), z.maxLength(max));

/**
 * A browser's Web Push subscription (`PushSubscription.toJSON()`): the push service's `endpoint`
 * (https) and the keys the payload is encrypted to (RFC 8291: `p256dh`, the browser's P-256
 * public key, and `auth`, its 16-byte secret, both base64url).
 */
export const WebPushSubscriptionSchema = z.object({
  /** https; plain http only on loopback (a push service run locally in development and tests). */
  endpoint: z.string().check(z.trim(), z.maxLength(2048), z.regex(/^(https:\/\/[^\s]+|http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/[^\s]*)$/)),
  expirationTime: z.optional(z.nullable(z.number())),
  keys: z.object({ p256dh: base64url(86, 90), auth: base64url(20, 24) }),
});

/**
 * `POST /public/me/devices`: the token the platform's push service issued (APNs, FCM), the
 * platform and the app's name; `label` says which device it is ("Chrome no Linux", "iPhone da
 * Ana"). The same token again is the same device. A browser sends its Web Push `subscription`
 * instead (platform `web`): its endpoint is the token, and the server sends to it over Web Push.
 */
export const DeviceRegisterSchema = z.strictObject({
  token: z.optional(z.string().check(z.trim(), z.minLength(16), z.maxLength(4096), plainText())),
  subscription: z.optional(WebPushSubscriptionSchema),
  platform: DevicePlatformSchema,
  appName: z.string().check(z.trim(), z.minLength(1), z.maxLength(80), plainText()),
  label: z.optional(z.string().check(z.trim(), z.maxLength(80), plainText())),
});

export const DeviceSchema = z.strictObject({
  id: z.string(),
  customerId: z.string(),
  platform: DevicePlatformSchema,
  appName: z.string(),
  label: z.optional(z.string()),
  /** The token's last 6 characters, to tell devices apart; the token is write-only. */
  tokenEnd: z.string(),
  /** Registered with a Web Push subscription: the server sends to it over Web Push. */
  webPush: z.optional(z.boolean()),
  createdAt: datetime(),
  /** The last time the device registered (each app start may register again). */
  lastSeenAt: datetime(),
});

export const DeviceListSchema = z.strictObject({ items: z.array(DeviceSchema) });

export type DevicePlatform = z.infer<typeof DevicePlatformSchema>;
export type DeviceRegister = z.input<typeof DeviceRegisterSchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type DeviceList = z.infer<typeof DeviceListSchema>;
export type WebPushSubscription = z.infer<typeof WebPushSubscriptionSchema>;

/** `GET /public/push/vapid-key`: the store's VAPID public key (base64url), the `applicationServerKey` of `PushManager.subscribe`. */
export const WebPushKeySchema = z.strictObject({ publicKey: z.string() });
export type WebPushKey = z.infer<typeof WebPushKeySchema>;
