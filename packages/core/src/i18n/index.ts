// Locales and validation messages, importable alone as `@clientela/core/i18n`.
export { DEFAULT_LOCALE, LOCALES, resolveLocale } from './locale.js';
export type { Locale } from './locale.js';
export { issueMessage } from './messages.js';
export type { IssueCode } from './messages.js';
