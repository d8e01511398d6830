import { accountResource, addressesResource, categoriesResource, consentsResource, customersResource, settingsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { customers: customersResource, settings: settingsResource, addresses: addressesResource, account: accountResource, categories: categoriesResource, consents: consentsResource };

/** The part of the client `<cl-customer-form>` calls: registration: customers, settings, CEP lookups, the shopper account, and the category picker (admin); and the change feed. */
export type CustomerFormClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): CustomerFormClient => composeClient(options, resources);
