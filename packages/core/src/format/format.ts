/** Keeps digits only. */
export function digitsOnly(value: string): string {
  return value.replace(/\D+/g, '');
}

/**
 * Strips punctuation and spaces from a CPF or CNPJ and uppercases it (alphanumeric CNPJ).
 *
 * @example
 * normalizeDocument(' 12.abc.345/01de-35 '); // '12ABC34501DE35'
 */
export function normalizeDocument(value: string): string {
  return value.replace(/[^0-9a-zA-Z*]+/g, '').toUpperCase();
}

/**
 * Formats a CPF as `123.456.789-09`; partial input is formatted as far as it goes (for masks).
 *
 * @example
 * formatCpf('52998224725'); // '529.982.247-25'
 */
export function formatCpf(value: string): string {
  const d = normalizeDocument(value).replace(/[^\d*]/g, '').slice(0, 11);
  return group(d, [[3, '.'], [6, '.'], [9, '-']]);
}

/**
 * Formats a CNPJ as `12.ABC.345/01DE-35` (numeric or alphanumeric); partial input formats as far
 * as it goes.
 *
 * @example
 * formatCnpj('12abc34501de35'); // '12.ABC.345/01DE-35'
 */
export function formatCnpj(value: string): string {
  const d = normalizeDocument(value).slice(0, 14);
  return group(d, [[2, '.'], [5, '.'], [8, '/'], [12, '-']]);
}

/**
 * Formats a CEP as `01310-100`.
 *
 * @example
 * formatCep('01310100'); // '01310-100'
 */
export function formatCep(value: string): string {
  return group(digitsOnly(value).slice(0, 8), [[5, '-']]);
}

/** National digits of a Brazilian phone: drops a leading +55/55 when what is left is 10 or 11 long. */
function nationalDigits(value: string): string {
  let d = digitsOnly(value);
  if (d.length > 11 && d.startsWith('55')) d = d.slice(2);
  else if (value.trim().startsWith('+55')) d = d.slice(2);
  return d;
}

/**
 * Formats a Brazilian phone as `(11) 98765-4321` or `(11) 3456-7890`; partial input formats as far
 * as it goes.
 *
 * @example
 * formatPhoneBR('+5511987654321'); // '(11) 98765-4321'
 */
export function formatPhoneBR(value: string): string {
  const d = nationalDigits(value).slice(0, 11);
  if (d.length === 0) return '';
  if (d.length <= 2) return `(${d}`;
  const area = d.slice(0, 2);
  const rest = d.slice(2);
  const split = rest.length > 8 ? 5 : 4;
  return rest.length > split ? `(${area}) ${rest.slice(0, split)}-${rest.slice(split)}` : `(${area}) ${rest}`;
}

/**
 * Converts a Brazilian phone to E.164 (`+5511987654321`).
 *
 * @example
 * toE164BR('(11) 98765-4321'); // '+5511987654321'
 */
export function toE164BR(value: string): string {
  return `+55${nationalDigits(value)}`;
}

/**
 * Masks a CPF (`***.456.789-**`) or a CNPJ (`**.345.678/0001-**`), keeping the middle digits only.
 *
 * @example
 * maskDocument('12345678909'); // '***.456.789-**'
 */
export function maskDocument(value: string): string {
  const d = normalizeDocument(value);
  if (d.length === 11) return `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`;
  if (d.length === 14) return `**.${d.slice(2, 5)}.${d.slice(5, 8)}/${d.slice(8, 12)}-**`;
  return d.replace(/./g, '*');
}

/**
 * Whether a document is masked (a list item's `***.456.789-**`): it then holds `*` in place of
 * the hidden digits, which no CPF or CNPJ does.
 *
 * @example
 * isMasked('***.456.789-**'); // true
 * isMasked('52998224725'); // false
 */
export function isMasked(document: string): boolean {
  return document.includes('*');
}

/**
 * A CPF or CNPJ as a person reads it, chosen by its length: 11 characters as a CPF
 * (`529.982.247-25`), 14 as a CNPJ (`12.ABC.345/01DE-35`), anything else normalized. With
 * `masked`, only the middle digits are shown (`***.982.247-**`). A document that is already masked
 * (a list item's) keeps its mask and is laid out the same way.
 *
 * @example
 * formatDocument('52998224725'); // '529.982.247-25'
 * formatDocument('12abc34501de35'); // '12.ABC.345/01DE-35'
 * formatDocument('52998224725', { masked: true }); // '***.982.247-**'
 * formatDocument('***456789**'); // '***.456.789-**'
 */
export function formatDocument(value: string, options: { masked?: boolean } = {}): string {
  const d = normalizeDocument(value);
  if (options.masked && !isMasked(d)) return maskDocument(d);
  if (d.length === 11) return formatCpf(d);
  if (d.length === 14) return formatCnpj(d);
  return d;
}

/** What {@link customerDisplayName} reads: the kind and the names. */
export type NamedCustomer =
  | { kind: 'person'; firstName: string; lastName: string }
  | { kind: 'company'; legalName: string };

/**
 * The name a customer is shown and sorted by: the razão social of a company, first and last name
 * of a person.
 *
 * @example
 * customerDisplayName({ kind: 'person', firstName: 'Ana', lastName: 'Souza' }); // 'Ana Souza'
 * customerDisplayName({ kind: 'company', legalName: 'Padaria Pão Quente Ltda' }); // 'Padaria Pão Quente Ltda'
 */
export function customerDisplayName(customer: NamedCustomer): string {
  return customer.kind === 'company' ? customer.legalName : `${customer.firstName} ${customer.lastName}`.trim();
}

/**
 * A WhatsApp click-to-chat link for a Brazilian phone.
 *
 * @example
 * whatsappUrl('(11) 98765-4321'); // 'https://wa.me/5511987654321'
 */
export function whatsappUrl(phone: string): string {
  return `https://wa.me/${toE164BR(phone).slice(1)}`;
}

/**
 * Up to two initials of a name, skipping Portuguese particles (`da`, `de`, `dos`…).
 *
 * @example
 * initials('Maria da Conceição'); // 'MC'
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((w) => w && !/^(d[aeo]s?|e)$/i.test(w));
  if (words.length === 0) return '';
  const first = words[0]!.charAt(0);
  const last = words.length > 1 ? words[words.length - 1]!.charAt(0) : '';
  return (first + last).toLocaleUpperCase('pt-BR');
}

/**
 * The key used to compare text while searching: lowercase, accents folded, spaces collapsed.
 * The server's search and any client-side filter use this same function.
 *
 * @example
 * searchKey('  João  Conceição '); // 'joao conceicao'
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key a city is filtered by: {@link searchKey} (no accents, lowercase) with every run of
 * other characters than letters and digits turned into one `_`, so "São Paulo", "sao  paulo" and
 * "SAO-PAULO" share `sao_paulo`, and the key travels in a URL unescaped.
 *
 * @example
 * cityKey('Santa Bárbara d\'Oeste'); // 'santa_barbara_d_oeste'
 */
export function cityKey(city: string): string {
  return searchKey(city).replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

function group(chars: string, marks: ReadonlyArray<readonly [number, string]>): string {
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    for (const [at, sep] of marks) if (i === at) out += sep;
    out += chars[i];
  }
  return out;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in cents as money in reais, written the locale's way.
 *
 * @example
 * formatMoney(123456, 'pt-BR'); // 'R$ 1.234,56'
 * formatMoney(123456, 'en'); // 'R$1,234.56'
 */
export function formatMoney(cents: number, locale: string): string {
  let f = moneyFormats.get(locale);
  if (!f) moneyFormats.set(locale, (f = new Intl.NumberFormat(locale, { style: 'currency', currency: 'BRL' })));
  return f.format(cents / 100);
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * A percentage given in points (a discount's `10`, `12.5`) written the locale's way, up to one
 * decimal.
 *
 * @example
 * formatPercent(12.5, 'pt-BR'); // '12,5%'
 * formatPercent(10, 'en'); // '10%'
 */
export function formatPercent(points: number, locale: string): string {
  let f = percentFormats.get(locale);
  if (!f) percentFormats.set(locale, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })));
  return f.format(points / 100);
}

/**
 * An address on one line: street and number, complement, district, city/UF and CEP, leaving out
 * the parts it lacks (a comparison or a list shows it where a card shows lines).
 *
 * @example
 * addressLine({ street: 'Avenida Paulista', number: '1000', district: 'Bela Vista', city: 'São Paulo', state: 'SP', postalCode: '01310100' });
 * // 'Avenida Paulista, 1000 — Bela Vista — São Paulo/SP — 01310-100'
 */
export function addressLine(a: { street?: string; number?: string; complement?: string; district?: string; city?: string; state?: string; postalCode?: string }): string {
  const street = [a.street, a.number, a.complement].filter(Boolean).join(', ');
  const city = [a.city, a.state].filter(Boolean).join('/');
  return [street, a.district, city, a.postalCode ? formatCep(a.postalCode) : ''].filter(Boolean).join(' — ');
}
