import { emit } from '../service/events.js';
import { csvRow } from '@clientela/core/format';
import { COLUMN_LABELS, CREDIT_KIND_LABELS, CREDIT_STATUS_LABELS, type Locale } from '@clientela/core/i18n';
import { ExportRequestSchema, type Customer, type ExportColumn } from '@clientela/core/schemas';
import { audit, newId, type ServerContext } from '../context.js';
import type { Router } from '../openapi/define-route.js';
import { cellOf, DEFAULT_EXPORT_COLUMNS } from '../service/columns.js';
import { csvValue, xlsxCell, type SheetStyle, type SheetValue } from '../service/sheet-cells.js';
import { auditTarget, targetQuery } from '../service/customers.js';
import { creditWallet } from '../service/credits.js';
import { sha256Hex, sha256Stream } from '../util/bytes.js';

/** exceljs takes about a second to load: only when a spreadsheet is asked for. */
async function excel() {
  return (await import('exceljs')).default;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The credits wallet's columns: keys (the machine dialect's header) and labels per language. */
const CREDIT_KEYS = ['customerId', 'name', 'email', 'kind', 'amount', 'balance', 'origin', 'expiresAt', 'status'];
const CREDIT_HEADERS: Record<Locale, string[]> = {
  'pt-BR': ['ID do cliente', 'Nome', 'E-mail', 'Tipo de crédito', 'Valor (R$)', 'Saldo (R$)', 'Origem', 'Validade', 'Situação'],
  en: ['Customer ID', 'Name', 'E-mail', 'Credit kind', 'Amount (BRL)', 'Balance (BRL)', 'Origin', 'Expires at', 'Status'],
  es: ['ID del cliente', 'Nombre', 'Correo', 'Tipo de crédito', 'Importe (R$)', 'Saldo (R$)', 'Origen', 'Vencimiento', 'Estado'],
};

/** `2026-11-22`, the store's local date (Brasília time). */
export function localDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The store's time zone when the request names none. */
const STORE_TIME_ZONE = 'America/Sao_Paulo';

export function registerExports(router: Router, ctx: ServerContext): void {
  router.define({
    method: 'post',
    path: '/v1/exports',
    reads: true,
    tag: 'exports',
    summary: 'Download customers (or the credits wallet) as CSV or XLSX; audited with the SHA-256 of the file',
    description: 'CSV is UTF-8 with BOM, streamed in constant memory; cells starting with = + - @ (or tab/CR) get a leading apostrophe, cells holding `,` `;` a quote or a line break are quoted, control characters are dropped. `dialect` `br` (default): `;`, decimal comma, dd/mm/aaaa in `timeZone` (default America/Sao_Paulo), labels, formatted phones; XLSX cells typed (money with a currency format, dates as dates). `machine`: `,`, decimal point, ISO 8601, codes, column keys as headers.',
    access: 'secret',
    request: { body: ExportRequestSchema },
    responses: { 200: { description: 'The file (Content-Disposition: attachment)', files: ['text/csv', XLSX_TYPE], headers: ['Content-Disposition'] } },
    handler: async (c, { body }) => {
      const locale = c.get('locale');
      const style: SheetStyle = { dialect: body.dialect ?? 'br', locale, timeZone: body.timeZone ?? STORE_TIME_ZONE };
      const separator = style.dialect === 'br' ? ';' : ',';
      const resource = body.resource ?? 'customers';
      const columns: ExportColumn[] = body.columns ?? DEFAULT_EXPORT_COLUMNS;
      const query = targetQuery(body, ctx.now(), locale);
      const categoryNames = new Map((await ctx.store.listCategories()).map((cat) => [cat.id, cat.name]));
      let header: string[];
      let rows: () => AsyncIterable<SheetValue[]>;
      if (resource === 'credits') {
        header = style.dialect === 'machine' ? CREDIT_KEYS : CREDIT_HEADERS[locale];
        const ids = body.ids ? new Set(body.ids) : undefined;
        const except = new Set(body.exceptIds ?? []);
        rows = async function* () {
          for (const e of await creditWallet(ctx)) {
            if ((ids && !ids.has(e.customerId)) || except.has(e.customerId)) continue;
            const { kind, status } = e.credit;
            yield [
              e.customerId, e.name, e.email ?? null,
              { code: kind, label: CREDIT_KIND_LABELS[locale][kind] },
              { money: e.credit.amountCents / 100 },
              { money: e.credit.balanceCents / 100 },
              e.credit.origin,
              { at: e.credit.expiresAt },
              { code: status, label: CREDIT_STATUS_LABELS[locale][status] },
            ];
          }
        };
      } else {
        header = style.dialect === 'machine' ? [...columns] : columns.map((col) => COLUMN_LABELS[locale][col]);
        rows = async function* () {
          for await (const cu of ctx.store.scanCustomers(query, { field: 'createdAt', desc: false }) as AsyncIterable<Customer>) {
            // An anonymized customer (LGPD erasure) is nobody's data any more: no row of an export.
            if (cu.anonymizedAt) continue;
            yield columns.map((col) => cellOf(cu, col, locale, categoryNames));
          }
        };
      }
      const base = `${resource === 'credits' ? 'creditos' : 'clientes'}-${localDate(ctx.now())}`;
      const auditFilter: Record<string, unknown> = { resource, ...(body.filter || body.ids ? auditTarget(body) : {}) };
      const auditColumns = resource === 'credits' ? header : columns;
      // Audited when it starts (who, columns, filter, rows intended), so a download cut short
      // still leaves a trace, and again when it ends: completed (with the SHA-256 of the file) or
      // aborted after the rows that had left. Both entries share the export's id as `target`.
      const exportId = newId('exp');
      let intended = 0;
      if (resource === 'credits') for await (const _ of rows()) intended++;
      else intended = await ctx.store.countCustomers(query);
      await audit(ctx, c, { action: 'export', target: exportId, count: intended, filter: auditFilter, columns: auditColumns, format: body.format, detail: 'started' });
      const ended = async (count: number, digest?: string) => {
        await audit(ctx, c, {
          action: 'export',
          target: exportId,
          count,
          filter: auditFilter,
          columns: auditColumns,
          format: body.format,
          ...(digest ? { sha256: digest } : {}),
          detail: digest ? 'completed' : `aborted after ${count} of ${intended} rows`,
        });
        if (digest) await emit(ctx, 'export.completed', { exportId, resource, format: body.format, rowCount: count, columns: [...auditColumns], sha256: digest });
      };

      if (body.format === 'xlsx') {
        const wb = new (await excel()).Workbook();
        const ws = wb.addWorksheet(resource === 'credits' ? 'Créditos' : 'Clientes');
        ws.addRow(header).font = { bold: true };
        let count = 0;
        for await (const r of rows()) {
          // Spreadsheet apps evaluate formulas in XLSX strings too only when typed as formulas;
          // exceljs writes plain strings, so no escaping is needed here.
          const cells = r.map((v) => xlsxCell(v, style));
          const row = ws.addRow(cells.map((cell) => cell.value ?? ''));
          cells.forEach((cell, i) => {
            if (cell.numFmt) row.getCell(i + 1).numFmt = cell.numFmt;
          });
          count++;
        }
        const buffer = new Uint8Array(await wb.xlsx.writeBuffer());
        await ended(count, sha256Hex(buffer));
        return new Response(buffer, {
          headers: { 'Content-Type': XLSX_TYPE, 'Content-Disposition': `attachment; filename="${base}.xlsx"` },
        });
      }

      // CSV: pulled row batch by row batch, so memory stays flat whatever the row count. The end
      // entry is written once the last byte has been produced, or when the client hangs up.
      const hash = sha256Stream();
      const encoder = new TextEncoder();
      const iterator = rows()[Symbol.asyncIterator]();
      let count = 0;
      let started = false;
      let finished = false;
      const stream = new ReadableStream<Uint8Array>({
        async pull(controller) {
          let text = '';
          if (!started) {
            started = true;
            text += `\uFEFF${csvRow(header, separator)}\r\n`;
          }
          for (let i = 0; i < 500; i++) {
            const next = await iterator.next();
            if (next.done) {
              const chunk = encoder.encode(text);
              hash.update(chunk);
              if (chunk.length) controller.enqueue(chunk);
              finished = true;
              await ended(count, hash.hex());
              controller.close();
              return;
            }
            text += `${csvRow(next.value.map((v) => csvValue(v, style)), separator)}\r\n`;
            count++;
          }
          const chunk = encoder.encode(text);
          hash.update(chunk);
          controller.enqueue(chunk);
        },
        async cancel() {
          if (finished) return;
          finished = true;
          await ended(count);
        },
      });
      return new Response(stream, {
        headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${base}.csv"` },
      });
    },
  });
}
