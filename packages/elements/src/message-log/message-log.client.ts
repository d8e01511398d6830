import { composeClient, messagesResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { messages: messagesResource };

/** The part of the client `<cl-message-log>` calls: the batches and their recipients; and the change feed. */
export type MessageLogClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): MessageLogClient => composeClient(options, resources);
