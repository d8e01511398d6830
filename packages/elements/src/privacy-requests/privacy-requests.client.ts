import { composeClient, privacyRequestsResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { privacyRequests: privacyRequestsResource };

/** The part of the client `<cl-privacy-requests>` calls: the request queue, archives and erasure. */
export type PrivacyRequestsClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): PrivacyRequestsClient => composeClient(options, resources);
