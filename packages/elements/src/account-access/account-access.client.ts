import { accountResource, addressesResource, settingsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { account: accountResource, settings: settingsResource, addresses: addressesResource };

/** The part of the client `<cl-account-access>` calls: the shopper's account, and what `<cl-customer-form mode="account">` inside it calls; and the change feed. */
export type AccountAccessClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): AccountAccessClient => composeClient(options, resources);
