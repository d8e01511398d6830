import { DEVICES_PER_CUSTOMER } from '@clientela/core/schemas';
import { describe, expect, it } from 'vitest';
import type { ServerContext } from '../src/context.js';
import { createPasswordHasher } from '../src/service/passwords.js';
import { registerDevice, registerDevices, type DeviceRegistration } from '../src/service/devices.js';
import { SecretBox } from '../src/service/secrets.js';
import type { Store } from '../src/store/types.js';
import { everyStore } from './stores.js';

// The seed registers its push devices in batches (registerDevices: a write per run of distinct
// tokens, then one trim) through the path a storefront registration takes one at a time
// (registerDevice); both must leave the same rows and give the same answers.

const contextOf = (store: Store): ServerContext => ({ store, now: () => new Date('2026-11-30T12:00:00.000Z'), keys: { secret: 'sk_test', publishable: 'pk_test' }, version: 0, passwords: createPasswordHasher(), secrets: SecretBox.processLocal() });

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute));
const device = (token: string, label?: string) => ({ token, platform: 'android' as const, appName: 'Loja', ...(label ? { label } : {}) });

/** More than a customer may hold, a token moving between accounts, a known token renewed, and one token twice in a row. */
const REGISTRATIONS: DeviceRegistration[] = [
  ...Array.from({ length: DEVICES_PER_CUSTOMER + 2 }, (_, i) => ({ customerId: 'cus_many', input: device(`fcm:many-${String(i).padStart(2, '0')}`), at: at(i) })),
  { customerId: 'cus_ana', input: device('fcm:shared', 'Moto G'), at: at(30) },
  { customerId: 'cus_bia', input: device('fcm:shared', 'Galaxy'), at: at(31) },
  { customerId: 'cus_many', input: device('fcm:many-21', 'renamed'), at: at(32) },
  { customerId: 'cus_ana', input: device('fcm:twice'), at: at(33) },
  { customerId: 'cus_ana', input: device('fcm:twice', 'again'), at: at(34) },
];

const CUSTOMERS = ['cus_many', 'cus_ana', 'cus_bia'];

/** What a customer's devices hold, without the ids (each store draws its own). */
async function held(store: Store) {
  const out: Record<string, unknown[]> = {};
  for (const id of CUSTOMERS) out[id] = (await store.listDevices(id)).map(({ id: _id, ...rest }) => rest);
  return out;
}

describe.each(everyStore('devices-batch'))('push devices in batches on %s', (_kind, open) => {
  it('registers a batch exactly as one registration after another: rows, kept ids, moves, renewals and the per-customer limit', async () => {
    const one = await open();
    const batch = await open();
    try {
      const single = [];
      for (const r of REGISTRATIONS) single.push(await registerDevice({ ...contextOf(one), now: () => r.at }, r.customerId, r.input));
      const many = await registerDevices(contextOf(batch), REGISTRATIONS);

      expect(await held(batch)).toEqual(await held(one));
      const answer = (r: Awaited<ReturnType<typeof registerDevice>>) => ({ created: r.created, movedFrom: r.movedFrom, token: r.device.token, customerId: r.device.customerId, createdAt: r.device.createdAt, label: r.device.label });
      expect(many.map(answer)).toEqual(single.map(answer));

      const mine = await batch.listDevices('cus_many');
      // The limit keeps the devices seen last: the two first ones went.
      expect(mine).toHaveLength(DEVICES_PER_CUSTOMER);
      expect(mine.map((d) => d.token)).not.toContain('fcm:many-00');
      expect(mine.map((d) => d.token)).not.toContain('fcm:many-01');
      // A known token keeps its id and first registration, and takes the new details.
      const renewed = mine.find((d) => d.token === 'fcm:many-21')!;
      expect(renewed).toMatchObject({ label: 'renamed', createdAt: at(21).toISOString(), lastSeenAt: at(32).toISOString(), id: many[DEVICES_PER_CUSTOMER + 1]!.device.id });
      expect(many[DEVICES_PER_CUSTOMER + 6]).toMatchObject({ created: false, device: { id: many[DEVICES_PER_CUSTOMER + 5]!.device.id, label: 'again' } });
      // A token moves to the account that registered it last.
      expect(many[DEVICES_PER_CUSTOMER + 3]).toMatchObject({ created: false, movedFrom: 'cus_ana', device: { customerId: 'cus_bia' } });
      expect((await batch.listDevices('cus_ana')).map((d) => d.token)).toEqual(['fcm:twice']);
    } finally {
      await one.close();
      await batch.close();
    }
  });
});
