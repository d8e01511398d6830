import type { Device, DeviceRegister, WebPushKey } from '../schemas/device.js';
import type { CallOptions, Transport } from './request.js';

const enc = encodeURIComponent;

/**
 * `client.devices`: the apps and browsers a shopper turned push notifications on in. The shopper
 * registers and removes their own (publishable key + session token); the store reads a
 * customer's (secret key).
 */
export function devices(t: Transport) {
  return {
    /**
     * Registers this app or browser for push messages of the signed-in shopper. The same token
     * again answers the same device (its `lastSeenAt` renewed); a token registered by another
     * account moves to this one.
     *
     * @example
     * const device = await client.devices.register(session.token, { token, platform: 'web', appName: 'Loja', label: 'Chrome no Linux' });
     */
    register: (session: string, body: DeviceRegister, options?: CallOptions): Promise<Device> =>
      t.request('device', { ...options, method: 'post', path: 'public/me/devices', json: body, session }),

    /**
     * The store's VAPID public key (base64url): the `applicationServerKey` a browser subscribes
     * to Web Push with, before registering the subscription as a device.
     *
     * @example
     * const { publicKey } = await client.devices.webPushKey();
     * const sub = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: publicKey });
     * await client.devices.register(session.token, { subscription: sub.toJSON(), platform: 'web', appName: 'Loja' });
     */
    webPushKey: (options?: CallOptions): Promise<WebPushKey> => t.request('webPushKey', { ...options, path: 'public/push/vapid-key' }),

    /**
     * The signed-in shopper's devices, the last seen first.
     *
     * @example
     * const mine = await client.devices.mine(session.token);
     */
    mine: async (session: string, options?: CallOptions): Promise<Device[]> =>
      (await t.request('deviceList', { ...options, path: 'public/me/devices', session })).items,

    /**
     * Turns push off on one of the shopper's devices (already gone: not an error).
     *
     * @example
     * await client.devices.remove(session.token, device.id);
     */
    remove: async (session: string, id: string, options?: CallOptions): Promise<void> => {
      await t.send({ ...options, method: 'delete', path: `public/me/devices/${enc(id)}`, session });
    },

    /**
     * A customer's devices (secret key), the last seen first.
     *
     * @example
     * const { length } = await client.devices.ofCustomer('cus_123');
     */
    ofCustomer: async (customerId: string, options?: CallOptions): Promise<Device[]> =>
      (await t.request('deviceList', { ...options, path: `customers/${enc(customerId)}/devices` })).items,
  };
}
