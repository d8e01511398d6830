import { categoriesResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { categories: categoriesResource };

/** The part of the client `<cl-category-picker>` calls: categories (list, create) and the change feed. */
export type PickerClient = ComposedClient<typeof resources>;

/** The picker's own client (from `api-base` + `api-key`): only the categories resource, answers not re-checked. */
export const createClient = (options: ClientOptions): PickerClient => composeClient(options, resources);
