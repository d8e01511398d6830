import { automationsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { automations: automationsResource };

/** The part of the client `<cl-automation-manager>` calls: automations; and the change feed. */
export type AutomationManagerClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): AutomationManagerClient => composeClient(options, resources);
