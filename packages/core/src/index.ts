// The public API of @clientela/core. Each area is also importable alone
// (`@clientela/core/validation`, `/format`, `/i18n`, `/schemas`, `/errors`, `/client`), so a
// bundler that splits code can load the client later than the formatters; each of those barrels
// names every export it makes, and this file gathers them.
export * from './validation/index.js';
export * from './format/index.js';
export * from './i18n/index.js';
export * from './schemas/index.js';
export * from './client/index.js';
export * from './errors/index.js';
