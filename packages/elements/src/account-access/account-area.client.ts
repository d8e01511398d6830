import { accountResource, addressesResource, consentsResource, privacyRequestsResource, settingsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

// consents and privacyRequests: the privacy tab (LGPD, #18).
const resources = { account: accountResource, settings: settingsResource, addresses: addressesResource, consents: consentsResource, privacyRequests: privacyRequestsResource };

/** The part of the client `<cl-account-area>` calls: the signed-in area (and the form inside it); and the change feed. */
export type AccountAreaClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): AccountAreaClient => composeClient(options, resources);
