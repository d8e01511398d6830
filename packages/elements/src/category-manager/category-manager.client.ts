import { categoriesResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { categories: categoriesResource };

/** The part of the client `<cl-category-manager>` calls: categories; and the change feed. */
export type CategoryManagerClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): CategoryManagerClient => composeClient(options, resources);
