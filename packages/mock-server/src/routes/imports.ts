// The bundled build (its own Buffer shim) parses in Node and in a browser page alike.
import { customerWritten, emit } from '../service/events.js';
import { actorOf } from '../service/consent.js';
import { parse as parseCsv } from 'csv-parse/browser/esm/sync';
import * as z from 'zod/mini';
import { csvCellText, csvRow, customerDisplayName, normalizeDocument, parseDateBR, searchKey } from '@clientela/core/format';
import { COLUMN_LABELS, CUSTOMER_STATUS_LABELS, type Locale } from '@clientela/core/i18n';
import {
  CustomerCreateSchema,
  ImportReportSchema,
  parseWith,
  type Customer,
  type ExportColumn,
  type FieldIssue,
  type ImportReport,
} from '@clientela/core/schemas';
import type { Context } from 'hono';
import { audit, type ServerContext } from '../context.js';
import { idempotent } from '../http/idempotency.js';
import { fieldIssue, HttpProblem, problem } from '../http/problem.js';
import type { AppEnv, Router } from '../openapi/define-route.js';
import { HEADER_LOOKUP, IMPORT_COLUMNS, kindFromCell } from '../service/columns.js';
import { applyPatch, prepareCustomer, sameWritable, type CustomerInput } from '../service/customers.js';
import type { StoredCategory } from '../store/types.js';
import { localDate } from './exports.js';

/** exceljs takes about a second to load: only when a spreadsheet is asked for. */
async function excel() {
  return (await import('exceljs')).default;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_ROWS = 50_000;

type Raw = string | number | boolean | Date | null | undefined;

async function readXlsx(data: ArrayBuffer): Promise<Raw[][]> {
  const wb = new (await excel()).Workbook();
  await wb.xlsx.load(data);
  const ws = wb.worksheets[0];
  const out: Raw[][] = [];
  ws?.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Raw[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = cell.value as unknown;
      cells[col - 1] = v && typeof v === 'object' && !(v instanceof Date) ? ((v as { text?: string; result?: Raw }).text ?? (v as { result?: Raw }).result ?? String(v)) : (v as Raw);
    });
    out[n - 1] = cells;
  });
  return out.map((r) => r ?? []);
}

/** Reads the uploaded sheet as rows of cells, from CSV, XLSX or a multipart `file` field. */
async function readSheet(c: Context<AppEnv>): Promise<{ csv: boolean; rows: Raw[][] } | Response> {
  const type = (c.req.header('Content-Type') ?? '').toLowerCase();
  let csv: string | undefined;
  let xlsx: ArrayBuffer | undefined;
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody();
    } catch {
      // An empty, truncated or boundary-less multipart body: the client's fault, never a 500.
      return problem(c, 'malformed_body', 400);
    }
    const file = form.file;
    if (!(file instanceof File)) return problem(c, 'unsupported_media_type', 415);
    if (file.name.toLowerCase().endsWith('.xlsx') || file.type === XLSX_TYPE) xlsx = await file.arrayBuffer();
    else csv = await file.text();
  } else if (type.startsWith(XLSX_TYPE)) {
    xlsx = await c.req.arrayBuffer();
  } else if (type.startsWith('text/csv') || type.startsWith('application/csv') || type.startsWith('text/plain')) {
    csv = await c.req.text();
  } else {
    return problem(c, 'unsupported_media_type', 415);
  }
  try {
    if (xlsx) return { csv: false, rows: await readXlsx(xlsx) };
    const source = csv ?? '';
    return { csv: true, rows: parseCsv(source, { bom: true, skip_empty_lines: true, relax_column_count: true, relax_quotes: true, delimiter: separatorOf(source) }) as string[][] };
  } catch {
    // The parser's own message (library internals, URLs) stays on the server: the client gets the
    // localized problem that says which field is wrong.
    return problem(c, 'validation', 422, { errors: [fieldIssue('file', 'invalid_format', c.get('locale'))] });
  }
}

function text(v: Raw): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // Undo the formula escaping of our own exports, so an exported file imports back unchanged.
  const s = csvCellText(String(v).trim());
  return s === '' ? undefined : s;
}

/**
 * The separator of a CSV: `;` (what Excel in pt-BR writes, and our `br` exports) or `,` (RFC 4180,
 * our `machine` exports), whichever the header line holds more of outside quotes. One separator for
 * the whole file: splitting on both would cut a Brazilian `1383,40` in two.
 */
export function separatorOf(csv: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of csv.slice(0, 10_000)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const YES = new Set(['sim', 'yes', 'si', 'true', '1', 'x', 's', 'y']);
const NO = new Set(['nao', 'no', 'false', '0', 'n']);
/** The consent columns and the channel each one is (LGPD: a row's consent becomes records of source `import`). */
const CONSENT_COLUMNS = [['consentEmail', 'email'], ['consentSms', 'sms'], ['consentWhatsapp', 'whatsapp']] as const;
type Channels = Partial<Record<'email' | 'sms' | 'whatsapp', boolean>>;
/** Status words in any language (Ativo, Blocked, Inactivo…) or the codes themselves. */
const STATUS_WORDS: Map<string, string> = (() => {
  const map = new Map<string, string>();
  for (const labels of Object.values(CUSTOMER_STATUS_LABELS)) for (const [code, label] of Object.entries(labels)) map.set(searchKey(label), code);
  for (const code of Object.keys(CUSTOMER_STATUS_LABELS['pt-BR'])) map.set(code, code);
  return map;
})();

/** Who a row is, as its cells name them: razão social, first and last name, or the name column. */
function rowName(input: Record<string, unknown>, cells: Map<ExportColumn, Raw>): string | undefined {
  if (typeof input.legalName === 'string') return input.legalName;
  const person = [input.firstName, input.lastName].filter((v) => typeof v === 'string' && v).join(' ');
  return person || text(cells.get('name'));
}

/** One sheet row → a create body (what the schema will check) or issues of its own. */
function rowToInput(categories: readonly StoredCategory[], cells: Map<ExportColumn, Raw>, locale: Locale): { input: Record<string, unknown>; issues: FieldIssue[] } {
  const get = (col: ExportColumn) => text(cells.get(col));
  const issues: FieldIssue[] = [];
  const input: Record<string, unknown> = {};
  let document = get('document');
  const rawDoc = cells.get('document');
  if (typeof rawDoc === 'number' && document) document = document.padStart(document.length <= 11 ? 11 : 14, '0');
  const kindCell = get('kind');
  const kind = kindCell ? kindFromCell(kindCell) : document && normalizeDocument(document).length === 11 ? 'person' : 'company';
  input.kind = kind ?? kindCell;
  if (document) input.document = document;
  for (const col of ['email', 'phone', 'loyaltyCard', 'firstName', 'lastName'] as const) {
    const v = get(col);
    if (v !== undefined) input[col] = v;
  }
  if (kind === 'person') {
    // dd/mm/aaaa as people type it, or ISO (XLSX date cells arrive as ISO): both to ISO.
    const birth = get('birthDate');
    if (birth) {
      const iso = parseDateBR(birth);
      if (iso) input.birthDate = iso;
      // Not a calendar date (31/02/1990): one clear error, not the schema's date checks on text.
      else issues.push(fieldIssue('birthDate', 'invalid_date', locale));
    }
    const name = get('name');
    if (name && !input.firstName) {
      const [first, ...rest] = name.split(/\s+/);
      input.firstName = first;
      if (rest.length && !input.lastName) input.lastName = rest.join(' ');
    }
  } else {
    for (const col of ['legalName', 'tradeName', 'stateRegistration', 'municipalRegistration'] as const) {
      const v = get(col);
      if (v !== undefined) input[col] = v;
    }
    if (!input.legalName && get('name')) input.legalName = get('name');
  }
  const wa = get('whatsapp');
  if (wa !== undefined) input.whatsapp = YES.has(searchKey(wa));
  // Consent is an act: only sim/não (and their spellings) count, anything else is an error of its
  // column, never read as "no". A cell left empty keeps what is stored (off for a new customer).
  const consent: Channels = {};
  for (const [col, channel] of CONSENT_COLUMNS) {
    const v = get(col);
    if (v === undefined) continue;
    const k = searchKey(v);
    if (YES.has(k)) consent[channel] = true;
    else if (NO.has(k)) consent[channel] = false;
    else issues.push(fieldIssue(`marketingConsent.${channel}`, 'invalid_value', locale));
  }
  if (Object.keys(consent).length) input.marketingConsent = consent;
  const discount = get('discountPercent');
  if (discount !== undefined) input.discountPercent = Number(discount.replace(',', '.'));
  const status = get('status');
  if (status !== undefined) input.status = STATUS_WORDS.get(searchKey(status)) ?? status;
  const address: Record<string, unknown> = {};
  for (const col of ['postalCode', 'street', 'number', 'complement', 'district', 'city', 'state'] as const) {
    const v = get(col);
    if (v !== undefined) address[col] = col === 'state' ? v.toUpperCase() : v;
  }
  if (Object.keys(address).length) input.address = address;
  const cats = get('categories');
  if (cats !== undefined) {
    const byName = new Map(categories.map((cat) => [searchKey(cat.name), cat.id]));
    const ids: string[] = [];
    for (const name of cats.split(/[;,]/).map((s) => s.trim()).filter(Boolean)) {
      const id = byName.get(searchKey(name)) ?? (categories.some((cat) => cat.id === name) ? name : undefined);
      if (id) ids.push(id);
      else issues.push(fieldIssue('categories', 'unknown_category', locale));
    }
    input.categoryIds = ids;
  }
  return { input, issues };
}

/**
 * A row for a customer that exists completes what the file leaves out from the stored record, so
 * a file exported with some columns imports back unchanged: address parts fill the stored address
 * (an export may carry only city and UF), and a name column that reads as the stored name keeps
 * the stored first and last names (a split on the first space would move "Ana Maria" to the last
 * name).
 */
function mergeIntoExisting(input: Record<string, unknown>, existing: Customer, cells: Map<ExportColumn, Raw>): void {
  if (input.address && existing.address) input.address = { ...existing.address, ...(input.address as Record<string, unknown>) };
  if (input.marketingConsent) {
    const { email, sms, whatsapp } = existing.marketingConsent;
    input.marketingConsent = { email, sms, whatsapp, ...(input.marketingConsent as Channels) };
  }
  const name = text(cells.get('name'));
  if (name && searchKey(name) === searchKey(customerDisplayName(existing)) && !cells.has('firstName') && !cells.has('lastName') && !cells.has('legalName')) {
    delete input.firstName;
    delete input.lastName;
    delete input.legalName;
    if (existing.kind === 'company') input.legalName = existing.legalName;
    else {
      if (existing.firstName) input.firstName = existing.firstName;
      if (existing.lastName) input.lastName = existing.lastName;
    }
  }
}

export function registerImports(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'get',
    path: '/v1/imports/template',
    tag: 'imports',
    summary: 'An empty import spreadsheet (header row in the request locale)',
    access: 'secret',
    request: { query: z.strictObject({ format: z.optional(z.enum(['csv', 'xlsx'])) }) },
    responses: { 200: { description: 'The template', files: ['text/csv', XLSX_TYPE], headers: ['Content-Disposition'] } },
    handler: async (c, { query }) => {
      const header = IMPORT_COLUMNS.map((col) => COLUMN_LABELS[c.get('locale')][col]);
      const name = `modelo-importacao-clientes-${localDate(ctx.now())}`;
      if (query.format === 'xlsx') {
        const wb = new (await excel()).Workbook();
        wb.addWorksheet('Clientes').addRow(header).font = { bold: true };
        return new Response(new Uint8Array(await wb.xlsx.writeBuffer()), { headers: { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${name}.xlsx"` } });
      }
      // `;`, as Excel in pt-BR writes a CSV: the file a person fills in and saves comes back the same.
      return new Response(`\uFEFF${csvRow(header, ';')}\r\n`, { headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}.csv"` } });
    },
  });

  router.define({
    method: 'post',
    path: '/v1/imports',
    tag: 'imports',
    summary: 'Import customers from CSV or XLSX (upsert by document; dryRun reports without writing)',
    description:
      'Body: text/csv, the XLSX type, or multipart/form-data with a `file` field; up to 10 MB. Importing the same file twice reports every row `unchanged` the second time; with `Idempotency-Key`, a retry of the same request replays the first report. A malformed multipart body is a 400.',
    access: 'secret',
    request: {
      query: z.strictObject({ dryRun: z.optional(z.enum(['true', 'false'])) }),
      raw: ['text/csv', XLSX_TYPE, 'multipart/form-data'],
      headers: [{ name: 'Idempotency-Key', description: 'Replays the first report for a retry of the same request.' }],
    },
    responses: { 200: { description: 'The report', schema: ImportReportSchema }, 415: { description: 'Not CSV or XLSX' } },
    handler: async (c, { query }) => {
      const locale = c.get('locale');
      const dryRun = query.dryRun !== 'false';
      // Read the bytes first: the idempotency hash and every parser below share this one copy.
      await c.req.arrayBuffer();
      const sheet = await readSheet(c);
      if (sheet instanceof Response) return sheet;
      const [headerRow = [], ...body] = sheet.rows;
      const columns = headerRow.map((h) => HEADER_LOOKUP.get(searchKey(text(h) ?? '')));
      if (!columns.includes('document')) {
        return problem(c, 'validation', 422, { errors: [fieldIssue('document', 'required', locale)] });
      }
      if (body.length > MAX_ROWS) return problem(c, 'payload_too_large', 413);
      const report: ImportReport = { dryRun, totalRows: 0, created: 0, updated: 0, unchanged: 0, rejected: 0, errors: [], rows: [] };
      const writes: { create?: Customer; update?: Customer; before?: Customer; expectedVersion?: number }[] = [];
      const seen = new Set<string>();
      const categories = await ctx.store.listCategories();
      for (const [i, cellsRow] of body.entries()) {
        const rowNumber = i + 2;
        if (cellsRow.every((v) => text(v) === undefined)) continue;
        report.totalRows++;
        const cells = new Map<ExportColumn, Raw>();
        columns.forEach((col, k) => col && cells.set(col, cellsRow[k]));
        const { input, issues } = rowToInput(categories, cells, locale);
        const name = rowName(input, cells);
        const reject = (list: FieldIssue[]) => {
          report.rejected++;
          for (const is of list) report.errors.push({ row: rowNumber, ...is });
          report.rows.push({
            row: rowNumber,
            outcome: 'reject',
            ...(typeof input.document === 'string' ? { document: normalizeDocument(input.document) } : {}),
            ...(name ? { name } : {}),
          });
        };
        // A CSV row with more or fewer cells than the header has its values under the wrong
        // columns (a separator inside an unquoted cell, a cell lost): refused, never shifted.
        if (sheet.csv && cellsRow.length !== headerRow.length) {
          reject([fieldIssue('row', 'column_count', locale, { count: cellsRow.length, expected: headerRow.length })]);
          continue;
        }
        const existingByDoc = typeof input.document === 'string' ? await ctx.store.findByDocument(normalizeDocument(input.document)) : undefined;
        if (existingByDoc) mergeIntoExisting(input, existingByDoc, cells);
        else if (input.marketingConsent) input.marketingConsent = { email: false, sms: false, whatsapp: false, ...(input.marketingConsent as Channels) };
        const consent = input.marketingConsent as Required<Channels> | undefined;
        const consentOf = consent ? { marketingConsent: { email: consent.email, sms: consent.sms, whatsapp: consent.whatsapp } } : {};
        const parsed = parseWith(CustomerCreateSchema, input, locale);
        if (!parsed.success || issues.length) {
          reject([...issues, ...(parsed.success ? [] : parsed.issues)]);
          continue;
        }
        const doc = normalizeDocument(parsed.data.document);
        if (seen.has(doc)) {
          reject([fieldIssue('document', 'duplicate_document', locale)]);
          continue;
        }
        seen.add(doc);
        try {
          const existing = await ctx.store.findByDocument(doc);
          if (existing) {
            if (existing.kind !== parsed.data.kind) {
              reject([fieldIssue('kind', 'invalid_kind', locale)]);
              continue;
            }
            const { kind: _kind, ...patch } = parsed.data as Record<string, unknown>;
            const next = await applyPatch(ctx, existing, patch, locale);
            const row = { row: rowNumber, document: doc, name: customerDisplayName(existing), id: existing.id, ...consentOf };
            if (sameWritable(existing, next)) {
              report.unchanged++;
              report.rows.push({ ...row, outcome: 'unchanged' });
            } else {
              report.updated++;
              report.rows.push({ ...row, outcome: 'update' });
              writes.push({ update: next, before: existing, expectedVersion: existing.version });
            }
          } else {
            const created = await prepareCustomer(ctx, parsed.data as CustomerInput, { locale, source: 'import' });
            report.created++;
            report.rows.push({ row: rowNumber, outcome: 'create', document: doc, name: customerDisplayName(created), ...(dryRun ? {} : { id: created.id }), ...consentOf });
            writes.push({ create: created });
          }
        } catch (e) {
          if (!(e instanceof HttpProblem)) throw e;
          reject((e.extra.errors as FieldIssue[] | undefined) ?? [fieldIssue('document', 'invalid_value', locale)]);
        }
      }
      // The writes and the saved report commit together under the idempotency key: a retried
      // import (same key, same file) replays the first report instead of "unchanged".
      return idempotent(ctx, c, 'imports', async (t) => {
        // All rows or none: a row that another request changed or created meanwhile (a stale
        // version, a document now held) fails the whole import, which can simply be sent again.
        if (!dryRun) {
          for (const w of writes) {
            if (w.create) {
              await t.store.insertCustomer(w.create);
              await customerWritten(t, undefined, w.create, { source: 'import', recordedBy: actorOf(c) });
            }
            if (w.update) {
              if (!(await t.store.updateCustomer(w.update, w.expectedVersion))) throw new HttpProblem('write_conflict', 409);
              await customerWritten(t, w.before, w.update, { source: 'import', recordedBy: actorOf(c) });
            }
          }
          const { totalRows, created, updated, unchanged, rejected } = report;
          await emit(t, 'import.completed', { totalRows, created, updated, unchanged, rejected });
        }
        await audit(t, c, {
          action: 'import',
          count: report.totalRows,
          outcome: { dryRun, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected },
        });
        if (!dryRun && writes.length) ctx.version++;
        return { status: 200, body: report };
      });
    },
  });
}
