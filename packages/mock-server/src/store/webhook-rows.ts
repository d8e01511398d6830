import type { EventType } from '@clientela/core/schemas';
import { randomBytes, toBase64Url } from '../util/bytes.js';
import type { DeliveryOutcome, NewEvent, StoredDelivery, StoredWebhookEndpoint } from './types.js';

// What every store shares about events and deliveries: which endpoints an event goes to, and the
// shape of a new delivery. Kept apart from the stores so the three cannot disagree.

/** A new delivery id (`whd_…`). */
export function deliveryId(): string {
  return `whd_${toBase64Url(randomBytes(12)).replace(/[-_]/g, 'x')}`;
}

/** Whether an endpoint receives events of `type`. */
export function subscribes(endpoint: Pick<StoredWebhookEndpoint, 'enabled' | 'eventTypes'>, type: EventType): boolean {
  return endpoint.enabled && endpoint.eventTypes.includes(type);
}

/** The pending deliveries, due at once, of an event to the endpoints subscribed to its type. */
export function deliveriesFor(event: NewEvent, endpoints: readonly StoredWebhookEndpoint[]): Omit<StoredDelivery, 'seq'>[] {
  return endpoints
    .filter((e) => subscribes(e, event.type))
    .map((e) => ({
      id: deliveryId(),
      endpointId: e.id,
      eventId: event.id,
      eventType: event.type,
      status: 'pending' as const,
      attempts: [],
      nextAttemptAt: event.createdAt,
      createdAt: event.createdAt,
      updatedAt: event.createdAt,
      manual: false,
    }));
}

/** A delivery after an attempt. */
export function afterAttempt(d: StoredDelivery, outcome: DeliveryOutcome): StoredDelivery {
  return { ...d, attempts: [...d.attempts, outcome.attempt], status: outcome.status, nextAttemptAt: outcome.nextAttemptAt, updatedAt: outcome.attempt.at, manual: false };
}
