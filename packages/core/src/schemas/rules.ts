import * as z from 'zod/mini';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE } from '../i18n/locale.js';
import { issueMessage, type IssueCode } from '../i18n/messages.js';
import { isPlainText } from '../validation/text.js';

/**
 * Codes attached to whole schemas (an enum's failure has no params of its own), looked up by the
 * error map through the issue's `inst`.
 */
const schemaCodes = new WeakMap<object, IssueCode>();

/** Marks `schema` so that any failure of its own reports `code`. */
export function coded<T extends z.ZodMiniType>(schema: T, code: IssueCode): T {
  schemaCodes.set(schema, code);
  return schema;
}

/** A check that fails with the stable `code` when `test` is false. */
export function rule<T>(code: IssueCode, test: (value: T) => boolean) {
  return z.refine<T>(test, { params: { code } });
}

/** The check of every single-line text field: no control or bidi-override characters (`invalid_characters`). */
export const plainText = () => rule<string>('invalid_characters', (v) => isPlainText(v));
/** The same for multiline fields (notes): tab and line breaks allowed. */
export const plainMultilineText = () => rule<string>('invalid_characters', (v) => isPlainText(v, { multiline: true }));

/** One validation problem in a form-ready shape: dotted path, stable code, localized message. */
export interface FieldIssue {
  path: string;
  code: IssueCode;
  message: string;
}

type RawIssue = z.core.$ZodRawIssue;

function codeOf(issue: RawIssue): { code: IssueCode; values?: Record<string, unknown> } {
  const params = (issue as { params?: { code?: IssueCode; values?: Record<string, unknown> } }).params;
  if (params?.code) return params.values ? { code: params.code, values: params.values } : { code: params.code };
  const fromSchema = issue.inst ? schemaCodes.get(issue.inst) : undefined;
  if (fromSchema) return { code: fromSchema };
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === null ? 'required' : 'invalid_type' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return { code: issue.origin === 'string' ? 'too_short' : 'too_small', values: { min: issue.minimum } };
    case 'too_big':
      return { code: issue.origin === 'string' ? 'too_long' : 'too_big', values: { max: issue.maximum } };
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'invalid_email' };
      if (issue.format === 'date') return { code: 'invalid_date' };
      if (issue.format === 'datetime') return { code: 'invalid_datetime' };
      return { code: 'invalid_format' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalid_value' };
    default:
      return { code: 'invalid_format' };
  }
}

/** Message of an issue, for zod's error-map hook: `<code>\u0000<message>` so the code survives. */
function errorMapFor(locale: Locale) {
  return (issue: RawIssue) => {
    const { code, values } = codeOf(issue);
    return `${code}\u0000${issueMessage(code, locale, values)}`;
  };
}

/**
 * Turns zod issues (parsed with {@link parseWith}'s error map) into {@link FieldIssue}s. An
 * unrecognized-keys issue becomes one issue per key, at the key's own path.
 */
function toFieldIssues(issues: readonly z.core.$ZodIssue[], locale: Locale): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...base, key].join('.'), code: 'unrecognized_key', message: issueMessage('unrecognized_key', locale, { key }) });
      }
      continue;
    }
    const [code, message] = issue.message.split('\u0000') as [IssueCode, string | undefined];
    out.push({ path: base.join('.'), code, message: message ?? issue.message });
  }
  return out;
}

/** Result of {@link parseWith}. */
export type ParseResult<T> = { success: true; data: T } | { success: false; issues: FieldIssue[] };

/**
 * Validates `input` against `schema` and returns localized, coded issues on failure.
 *
 * @example
 * const r = parseWith(CustomerCreateSchema, body, 'en');
 * if (!r.success) console.log(r.issues); // [{ path: 'document', code: 'invalid_cpf', message: 'Invalid CPF.' }]
 */
export function parseWith<S extends z.ZodMiniType>(schema: S, input: unknown, locale: Locale = DEFAULT_LOCALE): ParseResult<z.output<S>> {
  const result = z.safeParse(schema, input, { error: errorMapFor(locale) });
  if (result.success) return { success: true, data: result.data as z.output<S> };
  return { success: false, issues: toFieldIssues(result.error.issues, locale) };
}
