import { importsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { imports: importsResource };

/** The part of the client `<cl-customer-import>` calls: imports; and the change feed. */
export type CustomerImportClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): CustomerImportClient => composeClient(options, resources);
