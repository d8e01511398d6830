// The public API of @clientela/core's root: what a page pays little for — the validators, the
// formatters, the vocabularies and rules, the localized words and the typed errors — with no zod
// and no HTTP client in it. The two heavier areas have their own entry points:
//   `@clientela/core/schemas`  the zod schemas and `parseWith` (checking input and answers);
//   `@clientela/core/client`   `createClient`, `composeClient` and the resources (ky included).
// Their types are re-exported here too (types cost a page nothing), so `import type { Customer }
// from '@clientela/core'` keeps working. Each area is also importable alone (`/validation`,
// `/format`, `/i18n`, `/rules`, `/errors`, `/webhooks`).
export * from './validation/index.js';
export * from './format/index.js';
export * from './i18n/index.js';
export * from './rules/index.js';
export * from './errors/index.js';
export type * from './schemas/index.js';
export type * from './client/index.js';
