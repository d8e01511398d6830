// The closed vocabularies of a customer, with no zod in this file: an element that only needs to
// list the statuses (a status menu, a filter) imports these without pulling a schema in.

/** A customer is a person (CPF) or a company (CNPJ). */
export const CUSTOMER_KINDS = ['person', 'company'] as const;

/**
 * The statuses a person picks from a menu (a bulk action, the card's status control). `deleted`
 * is not among them: a delete gives it.
 */
export const SETTABLE_STATUSES = ['active', 'inactive', 'blocked'] as const;

/** Every status a customer may have; a list shows every one but `deleted` unless asked. */
export const CUSTOMER_STATUSES = [...SETTABLE_STATUSES, 'deleted'] as const;

/** Where a customer came from. */
export const CUSTOMER_SOURCES = ['admin', 'storefront', 'pos', 'import', 'api'] as const;

/**
 * The state of a customer's storefront account: `pending` is a self-registration waiting for the
 * store's approval (private catalog), `refused` one the store turned down.
 */
export const ACCOUNT_STATUSES = ['none', 'invited', 'active', 'pending', 'refused'] as const;

/** A status a client may set: `active`, `inactive` or `blocked`. */
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];
