import { composeClient, messagesResource, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { messages: messagesResource };

/** The part of the client `<cl-message-composer>` calls: the preview and the send; and the change feed. */
export type MessageComposerClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): MessageComposerClient => composeClient(options, resources);
