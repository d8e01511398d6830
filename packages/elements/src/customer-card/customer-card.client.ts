import { categoriesResource, consentsResource, customersResource, devicesResource, messagesResource, unitsResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { customers: customersResource, categories: categoriesResource, units: unitsResource, messages: messagesResource, consents: consentsResource, devices: devicesResource };

/** The part of the client `<cl-customer-card>` calls: the customer, their orders (with their units' names) and credits, and the category picker inside it, the messages the customer received and the push devices it holds; and the change feed. */
export type CustomerCardClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): CustomerCardClient => composeClient(options, resources);
