// The closed vocabularies of a customer, with no zod in this file: an element that only needs to
// list the statuses (a status menu, a filter) imports these without pulling a schema in.

/** A customer is a person (CPF) or a company (CNPJ). */
export const CUSTOMER_KINDS = ['person', 'company'] as const;

/**
 * The statuses a person picks from a menu (a bulk action, the card's status control). `deleted`
 * is not among them: a delete gives it.
 */
export const SETTABLE_STATUSES = ['active', 'inactive', 'blocked'] as const;

/**
 * Every status a customer may have; a list shows every one but `deleted` and `merged` unless
 * asked. `merged`: the record was merged into another (its `mergedInto`), which holds its orders
 * and history now.
 */
export const CUSTOMER_STATUSES = [...SETTABLE_STATUSES, 'deleted', 'merged'] as const;

/**
 * Whether a customer in this status still holds its document and e-mail: a deleted or merged
 * record holds neither, so another record may take them (a merged record's survivor, a person
 * who registers again), and sign-in or a look-up by either never finds it.
 *
 * @example
 * holdsIdentity('merged'); // false
 */
export function holdsIdentity(status: (typeof CUSTOMER_STATUSES)[number]): boolean {
  return status !== 'deleted' && status !== 'merged';
}

/**
 * The systems a customer record comes from or is known to: this panel (`admin`), this SDK's
 * storefront form (`storefront`), a point of sale (`pos`), another online store (`ecommerce`), a
 * seller's app (`seller`), a spreadsheet import (`import`) and any other API caller (`api`). A
 * customer's `source` is the first of them (its origin); `sources` lists every one that knows it.
 */
export const CUSTOMER_SOURCES = ['admin', 'storefront', 'pos', 'ecommerce', 'seller', 'import', 'api'] as const;
export type CustomerSourceName = (typeof CUSTOMER_SOURCES)[number];

/**
 * Every system that knows a customer, its origin first: `sources` when the record has it, else
 * just the origin (records written before `sources` existed).
 *
 * @example
 * sourcesOf({ source: 'pos', sources: ['pos', 'ecommerce'] }); // ['pos', 'ecommerce']
 * sourcesOf({ source: 'admin' }); // ['admin']
 */
export function sourcesOf(c: { source: CustomerSourceName; sources?: readonly CustomerSourceName[] | undefined }): CustomerSourceName[] {
  return c.sources?.length ? [...c.sources] : [c.source];
}

/**
 * The state of a customer's storefront account: `pending` is a self-registration waiting for the
 * store's approval (private catalog), `refused` one the store turned down.
 */
export const ACCOUNT_STATUSES = ['none', 'invited', 'active', 'pending', 'refused'] as const;

/** A status a client may set: `active`, `inactive` or `blocked`. */
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

/** The statuses of an order, in the order an order usually goes through them. */
export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'returned', 'cancelled'] as const;
export type OrderStatusName = (typeof ORDER_STATUSES)[number];

/**
 * The statuses an order may move to from each status. `returned` and `cancelled` are final, and
 * they are the two that take the order back out of the customer's figures.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatusName, readonly OrderStatusName[]>> = {
  pending: ['paid', 'shipped', 'delivered', 'cancelled'],
  paid: ['shipped', 'delivered', 'cancelled', 'returned'],
  shipped: ['delivered', 'returned', 'cancelled'],
  delivered: ['returned'],
  returned: [],
  cancelled: [],
};

/** Whether an order in this status counts as a purchase (orders count, total spent, first and last purchase). */
export function countsAsPurchase(status: OrderStatusName): boolean {
  return status !== 'returned' && status !== 'cancelled';
}

/** A credit is a referral credit or a cashback bonus. */
export const CREDIT_KINDS = ['referral', 'cashback'] as const;

/** The state of a credit at a moment (see `CreditSchema`). */
export const CREDIT_STATES = ['active', 'expiring', 'expired', 'used'] as const;

/** How many days ahead a credit counts as `expiring` unless a request asks for another window. */
export const CREDIT_EXPIRING_DAYS = 30;

// ---- events (the change feed and webhooks) ------------------------------------------------------

/**
 * Every event type of the change feed (`GET /v1/events`) and of webhook deliveries. The server
 * emits each one whose feature exists; integrators may subscribe to all of them now.
 */
export const EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'customer.restored',
  'customer.merged',
  'customer.anonymized',
  'category.created',
  'category.updated',
  'order.created',
  'order.updated',
  'credit.granted',
  'credit.redeemed',
  'credit.expired',
  'import.completed',
  'export.completed',
  'message.delivered',
  'message.failed',
  'consent.updated',
  // managed API keys (#16 §4): for a security log; never carry the key itself
  'api_key.created',
  'api_key.rotated',
  'api_key.revoked',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * When a webhook delivery is tried again after a failed attempt, in seconds after that attempt:
 * the n-th retry waits `WEBHOOK_RETRY_SCHEDULE[n - 1]`, each with up to 20 % of random jitter, so
 * a receiver that comes back is not hit by every delivery at once. Fifteen attempts over about
 * 33 hours; after the last one fails the delivery is `failed` (it can still be redelivered by
 * hand).
 */
export const WEBHOOK_RETRY_SCHEDULE = [30, 60, 120, 300, 600, 1_200, 1_800, 3_600, 7_200, 10_800, 14_400, 21_600, 28_800, 28_800] as const;

// ---- messages (#17): the vocabularies of a message batch, zod-free (the schemas in
// schemas/message.ts are built from them; the template renderer in format/ reads the variables).

/** The channels a message goes out on; e-mail, SMS and WhatsApp follow `marketingConsent`. */
export const MESSAGE_CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const;

/**
 * The variables a text may hold, `{{name}}`, each filled per recipient (as plain text; in HTML
 * escaped): first name, full display name, credit that can be spent now, the nearest expiry of
 * that credit.
 */
export const MESSAGE_VARIABLES = ['primeiroNome', 'nome', 'creditoDisponivel', 'validadeCredito'] as const;
export type MessageVariable = (typeof MESSAGE_VARIABLES)[number];

/** Where a recipient stands: waiting in the outbox, handed to the provider, confirmed, given up, or not sent on purpose. */
export const MESSAGE_RECIPIENT_STATUSES = ['queued', 'sent', 'delivered', 'failed', 'skipped'] as const;

/**
 * Why a customer gets no message: no consent on this channel (at creation, or revoked before the
 * send), no address for it (no e-mail, no phone, no WhatsApp, no app), or no longer active.
 */
export const MESSAGE_SKIP_REASONS = ['no_consent', 'no_contact', 'inactive'] as const;

// ---- push devices (#17): the apps a shopper installed, each a token the push gateway sends to ----

/** The platforms a push device registers from: an iOS or Android app, or a browser (Web Push). */
export const DEVICE_PLATFORMS = ['ios', 'android', 'web'] as const;
/** Devices one customer may hold at once: the oldest seen is let go when a new one comes. */
export const DEVICES_PER_CUSTOMER = 20;

// ---- LGPD: consent records and data-subject requests (#18 §1–§2) -----------------------------

/** The channels a consent is recorded for. */
export const CONSENT_CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const;
/** What a consent is for: offers and news (`marketing`) or messages about orders and the account (`transactional`). */
export const CONSENT_PURPOSES = ['marketing', 'transactional'] as const;
/** Where a consent was given: the storefront form, the admin, an import, a point of sale, an API call. */
export const CONSENT_SOURCES = ['storefront', 'admin', 'import', 'pos', 'api'] as const;
/** What a data subject may ask for (LGPD art. 18). */
export const PRIVACY_REQUEST_TYPES = ['access', 'portability', 'correction', 'anonymization', 'deletion'] as const;
/** A request is `open`, `in_progress`, then `completed` or `rejected`. */
export const PRIVACY_REQUEST_STATUSES = ['open', 'in_progress', 'completed', 'rejected'] as const;
/** Days a store has to answer a data subject (LGPD art. 19, II). */
export const PRIVACY_REQUEST_DEADLINE_DAYS = 15;
/** The word an anonymization is confirmed by typing (compared ignoring case). */
export const ANONYMIZE_CONFIRMATION = 'ANONIMIZAR';

// ---- duplicates and merge (#18 §3) ----

/**
 * Why two customers may be one: the same normalized document (a deleted holder and a live one),
 * the same e-mail, the same phone, or names alike (trigram similarity) in the same CEP or city.
 */
export const DUPLICATE_REASONS = ['document', 'email', 'phone', 'name_postal_code', 'name_city'] as const;
/**
 * The fields whose value the admin picks from either record when merging; the survivor keeps its
 * own unless the merged record's is asked for. The rest follow fixed rules: the survivor keeps
 * its id, kind, status and account; categories are joined; orders, credits, consent history and
 * messages move; the figures are computed again from the orders. A merged record holds no
 * document, so the survivor may take the other's (`document`).
 */
export const MERGE_FIELDS = [
  'firstName', 'lastName', 'birthDate', 'legalName', 'tradeName', 'document', 'stateRegistration', 'municipalRegistration',
  'email', 'phone', 'whatsapp', 'address', 'loyaltyCard', 'discountPercent', 'notes',
] as const;
/** The fields of {@link MERGE_FIELDS} only a person has; the company-only ones are {@link MERGE_COMPANY_FIELDS}. */
export const MERGE_PERSON_FIELDS = ['birthDate'] as const;
export const MERGE_COMPANY_FIELDS = ['legalName', 'tradeName', 'stateRegistration', 'municipalRegistration'] as const;
/** Pairs one merge call takes at most. */
export const MERGE_MAX_PAIRS = 50;

// ---- the filter language's vocabularies and limits (schemas/filter.ts builds its schemas from
// them; the text grammar and the display of a filter read them without zod).

/** Marketing channels a consent condition names. */
export const FILTER_CHANNELS = ['email', 'sms', 'whatsapp'] as const;
/** How a categories condition matches: the customer has any, all or none of the ids. */
export const CATEGORY_MATCHES = ['any', 'all', 'none'] as const;

/** Largest amount (cents) a money condition takes: R$ 100 milhões. Keeps `ticket × orders` exact in every store. */
export const FILTER_MAX_CENTS = 10_000_000_000;
/** Largest count an orders condition takes. */
export const FILTER_MAX_COUNT = 1_000_000;
/** Largest N of "in the last N days" (ten years). */
export const FILTER_MAX_DAYS = 3650;
/** Largest N of "birthday within the next N days" (a year). */
export const FILTER_MAX_BIRTHDAY_DAYS = 365;
/** Most terms in a filter, alternatives in a group, and values in a list. */
export const FILTER_MAX_TERMS = 20;
export const FILTER_MAX_ALTERNATIVES = 10;
export const FILTER_MAX_VALUES = 50;
/** Longest filter text accepted in a query string. */
export const FILTER_MAX_LENGTH = 2000;

// ---- the data log: every action an entry records (add a new one here, with its sentence in
// i18n/audit.ts and its label in the log's messages).

/** The actions of the data log (`GET /v1/audit?action=`). */
export const AUDIT_ACTIONS = [
  'customer.reveal', 'customer.create', 'customer.update', 'customer.delete', 'customer.invite',
  'bulk', 'export', 'import', 'settings.update', 'category.create', 'category.update',
  'order.create', 'order.update', 'credit.grant', 'credit.redeem', 'message.send',
  'automation.create', 'automation.update', 'automation.delete',
  // LGPD (#18 §1–§2)
  'consent.record', 'privacy.request', 'privacy.update', 'privacy.archive', 'customer.anonymize',
  // managed API keys (#16 §4)
  'api_key.create', 'api_key.rotate', 'api_key.revoke',
  // an address tripped the limit of refused keys (429 too_many_bad_keys), once per window
  'api_key.bad_keys',
  // duplicates and merge (#18 §3)
  'duplicate.dismiss', 'customer.merge',
  // guest to registered: a shopper claimed an existing record through the e-mailed link (#18 §3)
  'customer.claim',
  // webhook endpoints and units (#16, #15)
  'webhook_endpoint.create', 'webhook_endpoint.update', 'webhook_endpoint.delete', 'webhook_endpoint.rotate_secret',
  'unit.create', 'unit.update', 'unit.delete',
] as const;

/** What starts an automation (`/v1/automations`): welcome, birthday, win-back, expiring credit, abandoned cart. */
export const AUTOMATION_TRIGGERS = ['customer_registered', 'birthday', 'no_purchase', 'credit_expiring', 'cart_abandoned'] as const;

/** Longest wait after an automation's occasion, in hours (30 days). */
export const AUTOMATION_MAX_DELAY_HOURS = 720;

// ---- account recovery (#17 §4)

/** How long a recovery link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;
