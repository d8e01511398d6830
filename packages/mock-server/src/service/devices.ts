import { DEVICES_PER_CUSTOMER, type DeviceRegister } from '@clientela/core/schemas';
import { inTransaction, newId, type ServerContext } from '../context.js';
import type { StoredDevice } from '../store/types.js';

/**
 * Registers a push device for a customer (`POST /v1/public/me/devices`, and the seed through the
 * same path): idempotent per token (a known token keeps its id and `createdAt`, the rest is
 * renewed), a token held by another account moves here, and past {@link DEVICES_PER_CUSTOMER}
 * the devices seen longest ago are let go — in one transaction. `created`: the token was new.
 *
 * @example
 * const { device, created } = await registerDevice(ctx, customer.id, { token, platform: 'web', appName: 'Loja' });
 */
export async function registerDevice(ctx: ServerContext, customerId: string, input: DeviceRegister): Promise<{ device: StoredDevice; created: boolean; movedFrom?: string | undefined }> {
  const at = ctx.now().toISOString();
  const candidate: StoredDevice = {
    id: newId('dev'),
    customerId,
    token: input.token.trim(),
    platform: input.platform,
    appName: input.appName.trim(),
    ...(input.label?.trim() ? { label: input.label.trim() } : {}),
    createdAt: at,
    lastSeenAt: at,
  };
  return inTransaction(ctx, async (t) => {
    const saved = await t.store.saveDevice(candidate);
    const held = await t.store.listDevices(customerId);
    for (const old of held.slice(DEVICES_PER_CUSTOMER)) await t.store.deleteDevice(customerId, old.id);
    return { ...saved, created: saved.device.id === candidate.id };
  });
}
