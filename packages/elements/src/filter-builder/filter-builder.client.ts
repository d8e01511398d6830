import { categoriesResource, composeClient, unitsResource, viewsResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { categories: categoriesResource, views: viewsResource, units: unitsResource };

/** The part of the client `<cl-filter-builder>` calls: category and unit names and saved views; and the change feed. */
export type FilterBuilderClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): FilterBuilderClient => composeClient(options, resources);
