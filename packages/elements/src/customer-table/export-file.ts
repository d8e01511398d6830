import type { DownloadStream, ExportRequest, Locale } from '@clientela/core';
import { saveBlob } from '../internal/download.js';
import { errorText } from '../internal/error-text.js';
import { formatNumber, translator } from '../internal/localize.js';
import { messages } from './customer-table.messages.js';
import type { Notice } from './notice.js';

/**
 * Counts the records in CSV text as it streams: line ends outside quoted cells (a quoted cell
 * may hold a line break). The header is the first record.
 */
export function csvRecordCounter(): (chunk: string) => number {
  let quoted = false;
  let records = 0;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 34) quoted = !quoted;
      else if (ch === 10 && !quoted) records++;
    }
    return records;
  };
}

export interface ExportJob {
  /** What to export: format, columns, and the selection or the filter. */
  request: ExportRequest & { format: 'csv' | 'xlsx' };
  /** Rows the file will hold (the selection's count, or the filter's total), for the progress. */
  rows: number;
  locale: Locale;
  stream(request: ExportRequest, signal: AbortSignal): Promise<DownloadStream>;
  /** Shows the export's progress and outcome. */
  notify(notice: Notice): void;
  /** "Tentar novamente" after a failure. */
  again(): void;
}

/**
 * Exports, then saves the file. The body is read as it arrives, so a long CSV export shows its
 * progress by rows (the XLSX file is built whole by the server, so it shows progress without a
 * count). A failure says why, in the admin's words, with "Tentar novamente"; a cancel stops the
 * download.
 */
export async function exportFile(job: ExportJob): Promise<void> {
  const { request, locale, notify } = job;
  const { format } = request;
  const t = translator(messages, locale);
  const abort = new AbortController();
  const max = job.rows;
  const label = format === 'csv' ? t('exportCsv') : t('exportXlsx');
  const running = (value?: number) =>
    notify({
      origin: 'export',
      state: 'running',
      text: value === undefined ? t('exporting', { format: format.toUpperCase() }) : t('exportProgress', { n: formatNumber(Math.min(value, max), locale), total: formatNumber(max, locale) }),
      ...(value === undefined ? {} : { value: Math.min(value, max) }),
      max,
      cancel: () => abort.abort(),
    });
  running(format === 'csv' ? 0 : undefined);
  try {
    const { stream, filename, contentType } = await job.stream(request, abort.signal);
    const chunks: Uint8Array[] = [];
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const count = csvRecordCounter();
    let shown = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (format === 'csv') {
        const rows = Math.max(0, count(decoder.decode(value, { stream: true })) - 1);
        // A notice per few hundred rows is plenty: each one re-renders the bar.
        if (rows - shown >= 200 || rows >= max) running((shown = rows));
      }
    }
    saveBlob(new Blob(chunks as BlobPart[], { type: contentType }), filename);
    notify({ origin: 'export', state: 'done', text: t('exported', { name: filename }) });
  } catch (error) {
    if (abort.signal.aborted) notify({ origin: 'export', state: 'done', text: t('exportCancelled') });
    else notify({ origin: 'export', state: 'failed', text: `${t('exportFailed', { what: label })} ${errorText(error, locale)}`, retry: job.again });
  }
}
