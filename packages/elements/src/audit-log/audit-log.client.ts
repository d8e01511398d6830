import { auditResource, categoriesResource, composeClient, type ClientOptions, type ComposedClient } from '@clientela/core/client';

const resources = { audit: auditResource, categories: categoriesResource };

/** The part of the client `<cl-audit-log>` calls: the data log (and category names for its filters); and the change feed. */
export type AuditLogClient = ComposedClient<typeof resources>;

/** The element's own client (from `api-base` + `api-key`): only these resources, answers not re-checked. */
export const createClient = (options: ClientOptions): AuditLogClient => composeClient(options, resources);
