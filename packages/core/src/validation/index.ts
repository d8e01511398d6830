// Validators, importable alone as `@clientela/core/validation`.
export * from './documents.js';
