// Formatters, importable alone as `@clientela/core/format`.
export * from './format.js';
