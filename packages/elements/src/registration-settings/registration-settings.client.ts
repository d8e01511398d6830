import { settingsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { settings: settingsResource };

/** The part of the client `<cl-registration-settings>` calls: the registration settings; and the change feed. */
export type RegistrationSettingsClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): RegistrationSettingsClient => composeClient(options, resources);
