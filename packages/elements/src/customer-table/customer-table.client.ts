import { categoriesResource, customersResource, exportsResource, unitsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { customers: customersResource, categories: categoriesResource, exports: exportsResource, units: unitsResource };

/** The part of the client `<cl-customer-table>` calls: the list, bulk actions, exports, the category filter and the unit selector; and the change feed. */
export type CustomerTableClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): CustomerTableClient => composeClient(options, resources);
