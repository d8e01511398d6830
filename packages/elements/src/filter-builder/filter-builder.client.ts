import { categoriesResource, composeClient, viewsResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { categories: categoriesResource, views: viewsResource };

/** The part of the client `<cl-filter-builder>` calls: category names and saved views; and the change feed. */
export type FilterBuilderClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): FilterBuilderClient => composeClient(options, resources);
