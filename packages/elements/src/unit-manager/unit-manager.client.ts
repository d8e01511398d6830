import { composeClient, unitsResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { units: unitsResource };

/** The part of the client `<cl-unit-manager>` calls: units; and the change feed. */
export type UnitManagerClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): UnitManagerClient => composeClient(options, resources);
