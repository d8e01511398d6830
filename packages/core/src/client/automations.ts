import type {
  Automation,
  AutomationCreate,
  AutomationPatch,
  AutomationPreview,
  AutomationPreviewRequest,
  CartEvent,
  CartEventResult,
} from '../schemas/automation.js';
import type { CallOptions, IdempotentCallOptions, Transport, WriteCallOptions } from './request.js';

const enc = encodeURIComponent;

/** A flow by id, or the record read (its version then travels as `If-Match`). */
type AutomationTarget = string | { id: string; version: number };
const at = (target: AutomationTarget) =>
  typeof target === 'string' ? { path: `automations/${enc(target)}` } : { path: `automations/${enc(target.id)}`, target };

/** `client.automations`: flows the server runs by itself, their figures, and cart events. */
export function automations(t: Transport) {
  return {
    /**
     * Every automation, in the order created, with its figures (sent, delivered, orders within 7
     * days after a message).
     *
     * @example
     * const flows = await client.automations.list();
     */
    list: async (options?: CallOptions): Promise<Automation[]> => (await t.request('automationList', { ...options, path: 'automations' })).items,

    /**
     * One automation with its figures.
     *
     * @example
     * const flow = await client.automations.retrieve('aut_123');
     */
    retrieve: (id: string, options?: CallOptions): Promise<Automation> => t.request('automation', { ...options, path: `automations/${enc(id)}` }),

    /**
     * Creates a flow (on unless `enabled: false`). An `Idempotency-Key` is generated unless given,
     * so a retry never makes two.
     *
     * @example
     * await client.automations.create({ name: 'Aniversário', trigger: { type: 'birthday' }, channel: 'email', subject: 'Parabéns!', text: 'Feliz aniversário, {{primeiroNome}}!' });
     */
    create: (body: AutomationCreate, options?: IdempotentCallOptions): Promise<Automation> =>
      t.request('automation', { ...options, method: 'post', path: 'automations', json: body, idem: true }),

    /**
     * Changes a flow, guarded by `If-Match` (the record read, or its id with `ifMatch`);
     * `{ enabled: false }` pauses it.
     *
     * @example
     * await client.automations.update(flow, { enabled: false });
     */
    update: (target: AutomationTarget, patch: AutomationPatch, options?: WriteCallOptions): Promise<Automation> =>
      t.request('automation', { ...options, ...at(target), method: 'patch', json: patch, current: 'automation' }),

    /**
     * Deletes a flow; the messages it sent stay.
     *
     * @example
     * await client.automations.delete(flow);
     */
    delete: async (target: AutomationTarget, options?: WriteCallOptions): Promise<void> => {
      await t.send({ ...options, ...at(target), method: 'delete', current: 'automation' });
    },

    /**
     * Who would receive the flow's message if the scheduler ran now: how many, how many are left
     * out, and a few names.
     *
     * @example
     * const { count, sample } = await client.automations.preview({ trigger: { type: 'no_purchase', days: 90 }, channel: 'email' });
     */
    preview: (body: AutomationPreviewRequest, options?: CallOptions): Promise<AutomationPreview> =>
      t.request('automationPreview', { ...options, method: 'post', path: 'automations/preview', json: body }),

    /**
     * Records a cart event for the abandoned-cart trigger: from a storefront (publishable key and
     * the shopper's `session`) or from the store's backend (secret key and `customerId`).
     *
     * @example
     * await client.automations.cartEvent({ cartId: 'c_123', event: 'updated', itemsCount: 2, totalCents: 15990 }, { session });
     */
    // The route is idempotent by cart and event, so a retried POST records nothing twice.
    cartEvent: (body: CartEvent, options: CallOptions & { session?: string } = {}): Promise<CartEventResult> =>
      t.request('cartEventResult', { ...options, method: 'post', path: 'public/cart-events', json: body, idem: true }),
  };
}
