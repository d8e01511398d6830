import { composeClient, duplicatesResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { duplicates: duplicatesResource };

/** The part of the client `<cl-duplicates>` calls: candidate pairs, dismissal, the full run and merging. */
export type DuplicatesClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources. */
export const createClient = (options: ClientOptions): DuplicatesClient => composeClient(options, resources);
