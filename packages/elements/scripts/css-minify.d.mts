/** The CSS text of one static part of a template, minified; its strings are kept as written. */
export function minifyCssText(text: string): string;
/** `source` with the static text of every css`…` template minified. */
export function minifyCssTemplates(source: string): string;
