/**
 * The field errors of `<cl-customer-form>` by core's schemas: the admin's create schema or the
 * public registration's. Apart from form-model.ts because the schemas bring zod (about a third
 * of the form's bytes): the form loads this module with its first input, not on open.
 */
import type { Locale } from '@clientela/core';
import { CustomerCreateSchema, parseWith, PublicRegistrationSchema } from '@clientela/core/schemas';
import { requestBody, requiredErrors, type BodyOptions, type FormState } from './form-model.js';

/**
 * The first problem of each field, by path: the fields the settings require and are empty, then
 * what core's schema says of the body (the admin's create schema, or the public registration's).
 * A masked document is the stored one, not the person's input, so it is not checked.
 *
 * @example
 * fieldErrors(state, { mode: 'storefront', rules }, 'pt-BR'); // { document: 'CPF inválido.' }
 */
export function fieldErrors(state: FormState, o: BodyOptions, locale: Locale): Record<string, string> {
  const errors = requiredErrors(state, o, locale);
  const schema = o.mode === 'admin' ? CustomerCreateSchema : PublicRegistrationSchema;
  const result = parseWith(schema, requestBody(state, { ...o, patch: false }), locale);
  if (!result.success) for (const issue of result.issues) errors[issue.path] ??= issue.message;
  if (o.docMasked) delete errors['document'];
  return errors;
}
