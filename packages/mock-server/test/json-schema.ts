/**
 * A small JSON Schema (2020-12 subset) validator for the keywords z.toJSONSchema emits, so the
 * OpenAPI test can check real responses against the published document without another
 * dependency. Unknown keywords are ignored; formats are not checked.
 */
type Schema = Record<string, any> | boolean;

export function validate(schema: Schema, value: unknown, root: Record<string, any>, path = '$'): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value allowed`];
  const s = schema as Record<string, any>;
  if (s.$ref) {
    const target = (s.$ref as string).replace(/^#\//, '').split('/').reduce((o: any, k) => o?.[k], root);
    if (!target) return [`${path}: unresolved ${s.$ref}`];
    return validate(target, value, root, path);
  }
  const errors: string[] = [];
  if (s.anyOf && !(s.anyOf as Schema[]).some((sub) => validate(sub, value, root, path).length === 0)) errors.push(`${path}: matches no anyOf branch`);
  if (s.oneOf && (s.oneOf as Schema[]).filter((sub) => validate(sub, value, root, path).length === 0).length !== 1) errors.push(`${path}: must match exactly one oneOf branch`);
  for (const sub of (s.allOf as Schema[] | undefined) ?? []) errors.push(...validate(sub, value, root, path));
  if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) errors.push(`${path}: must be ${JSON.stringify(s.const)}`);
  if (s.enum && !(s.enum as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value))) errors.push(`${path}: not in enum`);
  if (s.type) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    const ok = types.some((t) => t === actual || (t === 'integer' && typeof value === 'number' && Number.isInteger(value)) || (t === 'number' && typeof value === 'number'));
    if (!ok) return [...errors, `${path}: expected ${types.join('|')}, got ${actual}`];
  }
  if (typeof value === 'string') {
    if (s.minLength !== undefined && value.length < s.minLength) errors.push(`${path}: too short`);
    if (s.maxLength !== undefined && value.length > s.maxLength) errors.push(`${path}: too long`);
    if (s.pattern && !new RegExp(s.pattern).test(value)) errors.push(`${path}: does not match ${s.pattern}`);
  }
  if (typeof value === 'number') {
    if (s.minimum !== undefined && value < s.minimum) errors.push(`${path}: below minimum`);
    if (s.maximum !== undefined && value > s.maximum) errors.push(`${path}: above maximum`);
    if (s.exclusiveMinimum !== undefined && value <= s.exclusiveMinimum) errors.push(`${path}: not above exclusiveMinimum`);
  }
  if (Array.isArray(value) && s.items) value.forEach((v, i) => errors.push(...validate(s.items, v, root, `${path}[${i}]`)));
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    for (const key of (s.required as string[] | undefined) ?? []) if (!(key in obj)) errors.push(`${path}.${key}: required`);
    const props = (s.properties as Record<string, Schema> | undefined) ?? {};
    for (const [key, v] of Object.entries(obj)) {
      if (key in props) errors.push(...validate(props[key]!, v, root, `${path}.${key}`));
      else if (s.additionalProperties === false) errors.push(`${path}.${key}: not allowed`);
      else if (typeof s.additionalProperties === 'object') errors.push(...validate(s.additionalProperties, v, root, `${path}.${key}`));
    }
  }
  return errors;
}
