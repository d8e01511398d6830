import * as z from 'zod/mini';
import { DEVICE_PLATFORMS } from '../rules/constants.js';
import { plainText } from './rules.js';

// Push devices (`/v1/public/me/devices`, `/v1/customers/{id}/devices`): each app or browser a
// signed-in shopper turned notifications on in, as the token its push service gave it. A push
// message reaches a customer only through these; the token itself never leaves the server again
// (lists show its last characters only).

const datetime = () => z.iso.datetime({ offset: true });

export const DevicePlatformSchema = z.enum(DEVICE_PLATFORMS);

/**
 * `POST /public/me/devices`: the token the platform's push service issued (APNs, FCM, a Web Push
 * subscription's endpoint), the platform and the app's name; `label` says which device it is
 * ("Chrome no Linux", "iPhone da Ana"). The same token again is the same device.
 */
export const DeviceRegisterSchema = z.strictObject({
  token: z.string().check(z.trim(), z.minLength(16), z.maxLength(4096), plainText()),
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
  createdAt: datetime(),
  /** The last time the device registered (each app start may register again). */
  lastSeenAt: datetime(),
});

export const DeviceListSchema = z.strictObject({ items: z.array(DeviceSchema) });

export type DevicePlatform = z.infer<typeof DevicePlatformSchema>;
export type DeviceRegister = z.input<typeof DeviceRegisterSchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type DeviceList = z.infer<typeof DeviceListSchema>;
