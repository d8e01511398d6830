export { createClient } from './client.js';
export type { ClientelaClient, CustomerQuery, Download, DownloadStream, PageQuery, RetrieveOptions, Target } from './client.js';
export type { CallOptions, ClientOptions, IdempotentCallOptions, Version, WriteCallOptions } from './request.js';
export { ChangeFeed } from './changes.js';
export type { ChangeListener, ClientChange } from './changes.js';
