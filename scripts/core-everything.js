// Every export of @clientela/core — the root, /schemas and /client — in one module: what
// .size-limit.cjs measures as "core: everything". (size-limit cannot import `*` from several files.)
export * from '../packages/core/dist/index.js';
export * from '../packages/core/dist/schemas/index.js';
export * from '../packages/core/dist/client/index.js';
