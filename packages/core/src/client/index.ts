export { createClient } from './client.js';
export type { BulkActionRequest, ClientelaClient, CustomerQuery, CustomerSelection, Download, ExportFileRequest, DownloadStream, PageQuery, RetrieveOptions, Target } from './client.js';
export type { CallOptions, ClientOptions, IdempotentCallOptions, Version, WriteCallOptions } from './request.js';
export { ChangeFeed } from './changes.js';
export type { ChangeListener, ClientChange } from './changes.js';
