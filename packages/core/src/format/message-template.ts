import { MESSAGE_VARIABLES, type MessageVariable } from '../rules/constants.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

/**
 * The variables a message text names that are not known (`{{apelido}}`), in order of first use:
 * a send with any is refused, so no customer reads a raw `{{…}}`.
 *
 * @example
 * unknownMessageVariables('Oi {{primeiroNome}}, {{apelido}}'); // ['apelido']
 */
export function unknownMessageVariables(template: string): string[] {
  const known = new Set<string>(MESSAGE_VARIABLES);
  const unknown: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!known.has(m[1]!) && !unknown.includes(m[1]!)) unknown.push(m[1]!);
  return unknown;
}

/**
 * A message text with each `{{variable}}` replaced by the recipient's value, as plain text (the
 * values are data: they are inserted verbatim and never read as markup or as more variables).
 *
 * @example
 * renderMessageText('Oi {{primeiroNome}}!', { primeiroNome: 'Ana', nome: 'Ana Souza', creditoDisponivel: 'R$ 10,00', validadeCredito: '' });
 * // 'Oi Ana!'
 */
export function renderMessageText(template: string, values: Readonly<Record<MessageVariable, string>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (name in values ? values[name as MessageVariable] : whole));
}

/**
 * A rendered plain text as the HTML part of an e-mail: every character escaped, paragraphs on
 * blank lines and line breaks kept. No HTML from a template or from data ever reaches the markup.
 *
 * @example
 * messageHtml('Oi <Ana>\n\nTchau'); // '<p>Oi &lt;Ana&gt;</p><p>Tchau</p>'
 */
export function messageHtml(text: string): string {
  const escape = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`).replace(/&#60;/g, '&lt;').replace(/&#62;/g, '&gt;').replace(/&#38;/g, '&amp;');
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escape(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}
