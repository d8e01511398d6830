export {
  accountResource,
  addressesResource,
  auditResource,
  categoriesResource,
  createClient,
  creditsResource,
  customersResource,
  eventsResource,
  exportsResource,
  importsResource,
  ordersResource,
  settingsResource,
  unitsResource,
  viewsResource,
  webhookEndpointsResource,
  messagesResource,
  automationsResource,
  devicesResource,
  apiKeysResource,
  consentsResource,
  privacyRequestsResource,
  duplicatesResource,
} from './client.js';
export type { BulkActionRequest, ClientelaClient, CustomerQuery, EventQuery, CustomerSelection, Download, ExportFileRequest, DownloadStream, PageQuery, RetrieveOptions, Target } from './client.js';
export { composeClient } from './compose.js';
export type { ComposedClient, Resource } from './compose.js';
export { checkResponse, RESPONSE_SCHEMAS } from './responses.js';
export type { ResponseKind, ResponseOf } from './responses.js';
export type { CallOptions, ClientOptions, IdempotentCallOptions, ResponseCheck, Transport, Version, WriteCallOptions } from './request.js';
export { ChangeFeed } from './changes.js';
export type { MessageRecipientQuery } from './messages.js';
// The filter writer (no schema): a page that builds a filter text sends what the client would.
export { encodeFilter } from '../schemas/filter-encode.js';
export type { ChangeListener, ClientChange } from './changes.js';
