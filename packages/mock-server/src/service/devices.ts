import { DEVICES_PER_CUSTOMER, type DeviceRegister } from '@clientela/core/schemas';
import { inTransaction, newId, type ServerContext } from '../context.js';
import type { StoredDevice } from '../store/types.js';

/** What registering a device answers: the stored device, whether its token was new, and the customer it moved from. */
export interface DeviceRegistered {
  device: StoredDevice;
  created: boolean;
  movedFrom?: string | undefined;
}

/** One device to register: for a customer, at a moment (the request's time, or when a seeded device was last seen). */
export interface DeviceRegistration {
  customerId: string;
  input: DeviceRegister;
  at: Date;
}

/**
 * Registers a push device for a customer (`POST /v1/public/me/devices`): idempotent per token (a
 * known token keeps its id and `createdAt`, the rest is renewed), a token held by another account
 * moves here, and past {@link DEVICES_PER_CUSTOMER} the devices seen longest ago are let go — in
 * one transaction. `created`: the token was new.
 *
 * @example
 * const { device, created } = await registerDevice(ctx, customer.id, { token, platform: 'web', appName: 'Loja' });
 */
export async function registerDevice(ctx: ServerContext, customerId: string, input: DeviceRegister): Promise<DeviceRegistered> {
  return (await registerDevices(ctx, [{ customerId, input, at: ctx.now() }]))[0]!;
}

/**
 * {@link registerDevice} for many devices, in order, with a write per run of distinct tokens
 * instead of a few round trips per device (the seed registers one for about one customer in
 * seven): the same rows, the same answers.
 */
export async function registerDevices(ctx: ServerContext, registrations: readonly DeviceRegistration[]): Promise<DeviceRegistered[]> {
  return inTransaction(ctx, async (t) => {
    const out: DeviceRegistered[] = [];
    let run: StoredDevice[] = [];
    let tokens = new Set<string>();
    const flush = async () => {
      for (const [i, saved] of (await t.store.saveDevices(run)).entries()) out.push({ ...saved, created: saved.device.id === run[i]!.id });
      run = [];
      tokens = new Set();
    };
    for (const { customerId, input, at } of registrations) {
      const candidate = deviceOf(customerId, input, at.toISOString());
      // A token twice in one write would meet itself: the second registration waits for the first.
      if (tokens.has(candidate.token)) await flush();
      run.push(candidate);
      tokens.add(candidate.token);
    }
    if (run.length) await flush();
    await t.store.trimDevices([...new Set(registrations.map((r) => r.customerId))], DEVICES_PER_CUSTOMER);
    return out;
  });
}

function deviceOf(customerId: string, input: DeviceRegister, at: string): StoredDevice {
  const sub = input.subscription;
  return {
    id: newId('dev'),
    customerId,
    // A Web Push subscription's endpoint is its token: the same subscription again is the same device.
    token: (sub?.endpoint ?? input.token ?? '').trim(),
    ...(sub ? { subscription: { endpoint: sub.endpoint.trim(), keys: { p256dh: sub.keys.p256dh, auth: sub.keys.auth } } } : {}),
    platform: input.platform,
    appName: input.appName.trim(),
    ...(input.label?.trim() ? { label: input.label.trim() } : {}),
    createdAt: at,
    lastSeenAt: at,
  };
}
