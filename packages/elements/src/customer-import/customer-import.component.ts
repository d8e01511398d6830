import type { ImportReport } from '@clientela/core';
import { isApiError } from '@clientela/core/errors';
import { CONSENT_CHANNEL_LABELS, fieldLabel } from '@clientela/core/i18n';
import { html, nothing } from 'lit';
import { ImportCompleteEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CustomerImportClient } from './customer-import.client.js';
import { errorText } from '../internal/error-text.js';
import { saveBlob } from '../internal/download.js';
import { formatNumber } from '../internal/localize.js';
import { tokens } from '../internal/tokens.js';
import { parseCsv, toCsv } from './csv.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './customer-import.messages.js';
import { styles } from './customer-import.styles.js';

type Step = 'choose' | 'checking' | 'preview' | 'importing' | 'done';

const ACCEPTED = /\.(csv|xlsx)$/i;

/**
 * @summary Spreadsheet import of customers: download a template, choose (or drop) a CSV or
 * XLSX file, see a dry run (preview of the first rows, every error by row and field), confirm,
 * then a final report (created, updated, unchanged, rejected) with the rejected rows as CSV.
 *
 * Rows are keyed by CPF/CNPJ on the server, so importing the same file again reports every row
 * unchanged.
 *
 * @event cl-import-complete - The confirmed import was written; `detail.report`.
 *
 * @csspart base - The import panel.
 * @csspart dropzone - The file drop area.
 * @csspart summary - The counts.
 * @csspart preview - The preview table.
 * @csspart errors - The errors table.
 * @csspart actions - The buttons.
 *
 * @cssproperty --cl-color-accent - Buttons and the drop area when dragging over it.
 */
export class CustomerImport extends ClientelaElement<CustomerImportClient> {
  protected override clientModule(): ClientModule<CustomerImportClient> {
    return import('./customer-import.client.js');
  }

  static override styles = [tokens, styles];
  static override properties = {
    ...ClientelaElement.properties,
    previewRows: { type: Number, attribute: 'preview-rows' },
    step: { state: true },
    file: { state: true },
    report: { state: true },
    error: { state: true },
    dragging: { state: true },
    _retry: { state: true },
  };

  /** How many rows the preview shows (default 10). */
  declare previewRows: number;
  /** Where the import stands. */
  declare step: Step;
  /** The chosen file. */
  declare file: File | undefined;
  /** The dry run's report, then the final one. */
  declare report: ImportReport | undefined;
  declare protected error: string;
  declare protected dragging: boolean;
  /** Sends the failed upload again (same file, same idempotency key), after an outage. */
  declare private _retry: (() => void) | undefined;

  constructor() {
    super();
    this.previewRows = 10;
    this.step = 'choose';
    this.file = undefined;
    this.report = undefined;
    this.error = '';
    this._retry = undefined;
    this.dragging = false;
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  /** Back to the first step. */
  reset(): void {
    this.step = 'choose';
    this.file = undefined;
    this.report = undefined;
    this.error = '';
    const input = this.renderRoot.querySelector<HTMLInputElement>('input[type=file]');
    if (input) input.value = '';
  }

  async #template(format: 'csv' | 'xlsx'): Promise<void> {
    if (!this.api) return;
    try {
      const { blob, filename } = await this.api.imports.template(format);
      saveBlob(blob, filename);
    } catch (error) {
      this.error = errorText(error, this.resolvedLocale);
    }
  }

  /** Takes a file (chosen or dropped) and runs the dry run. */
  async choose(file: File): Promise<void> {
    this.error = '';
    if (!ACCEPTED.test(file.name)) {
      this.error = this.#t('wrongType');
      return;
    }
    this.file = file;
    await this.#upload(true);
  }

  async #upload(dryRun: boolean, idempotencyKey = globalThis.crypto.randomUUID()): Promise<void> {
    if (!this.api || !this.file) return;
    const before = this.step;
    this.step = dryRun ? 'checking' : 'importing';
    this.error = '';
    this._retry = undefined;
    try {
      // No timeout: a large sheet can take the server a while, and the operator sees progress.
      // The key stays the same when the operator retries, so an import whose answer was lost
      // reports what it created instead of "unchanged".
      const report = await this.api.imports.upload(this.file, { dryRun, filename: this.file.name, timeout: false, idempotencyKey });
      this.report = report;
      this.step = dryRun ? 'preview' : 'done';
      if (!dryRun) this.dispatchEvent(new ImportCompleteEvent({ report }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-focus]')?.focus();
    } catch (error) {
      this.step = dryRun ? 'choose' : before;
      const fields = isApiError(error) && error.status < 500 ? (error.problem.errors ?? []).map((e) => e.message) : [];
      // An outage (not a refusal of the file) can be retried as it is, with the same key.
      const outage = !isApiError(error) || error.status >= 500 || error.status === 429;
      this.error = [outage ? this.#t('uploadFailed') : '', errorText(error, this.resolvedLocale), ...fields].filter(Boolean).join(' ');
      this._retry = outage ? () => void this.#upload(dryRun, idempotencyKey) : undefined;
    }
  }

  #onInput(event: Event): void {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) void this.choose(file);
  }

  #onDrag(event: DragEvent, over: boolean): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragging = over;
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files?.[0];
    if (file) void this.choose(file);
  }

  /** The rejected rows as CSV: the original cells (for a CSV file) plus the errors of each row. */
  async rejectedCsv(): Promise<string> {
    const report = this.report;
    const file = this.file;
    if (!report || !file) return '';
    const t = this.#t;
    const byRow = new Map<number, string[]>();
    for (const e of report.errors) {
      const list = byRow.get(e.row) ?? [];
      list.push(`${fieldLabel(e.path, this.resolvedLocale)}: ${e.message}`);
      byRow.set(e.row, list);
    }
    const rejected = report.rows.filter((r) => r.outcome === 'reject');
    if (/\.csv$/i.test(file.name)) {
      // Row n of the report is line n of the sheet (the header is row 1), empty lines skipped.
      const rows = parseCsv(await file.text());
      const header = rows[0] ?? [];
      return toCsv([
        [t('row'), ...header, t('errorsCol')],
        ...rejected.map((r) => [String(r.row), ...(rows[r.row - 1] ?? []), (byRow.get(r.row) ?? []).join(' | ')]),
      ]);
    }
    return toCsv([
      [t('row'), t('document'), t('errorsCol')],
      ...rejected.map((r) => [String(r.row), r.document ?? '', (byRow.get(r.row) ?? []).join(' | ')]),
    ]);
  }

  async #downloadRejected(): Promise<void> {
    const csv = await this.rejectedCsv();
    const base = (this.file?.name ?? 'clientes').replace(/\.(csv|xlsx)$/i, '');
    saveBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${base}-rejeitadas.csv`);
  }

  #chooser() {
    const t = this.#t;
    return html`<div
      part="dropzone"
      class=${this.dragging ? 'dragging' : ''}
      @dragenter=${(e: DragEvent) => this.#onDrag(e, true)}
      @dragover=${(e: DragEvent) => this.#onDrag(e, true)}
      @dragleave=${(e: DragEvent) => this.#onDrag(e, false)}
      @drop=${this.#onDrop}
    >
      <span>${t('drop')}</span>
      <label class="file">
        <span>${t('choose')}</span>
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby="intro"
          @change=${this.#onInput}
        />
      </label>
    </div>`;
  }

  #summary(r: ImportReport) {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const n = (v: number) => formatNumber(v, loc);
    if (r.dryRun) {
      return html`<p part="summary" data-summary tabindex="-1" data-focus>
        ${t('summary', { total: n(r.totalRows), create: n(r.created), update: n(r.updated), unchanged: n(r.unchanged), reject: n(r.rejected) })}
      </p>`;
    }
    return html`<h3 tabindex="-1" data-focus>${t('done')}</h3>
      <dl part="summary" data-summary>
        <div><dt>${t('created')}</dt><dd data-count="created">${n(r.created)}</dd></div>
        <div><dt>${t('updated')}</dt><dd data-count="updated">${n(r.updated)}</dd></div>
        <div><dt>${t('unchanged')}</dt><dd data-count="unchanged">${n(r.unchanged)}</dd></div>
        <div><dt>${t('rejected')}</dt><dd data-count="rejected">${n(r.rejected)}</dd></div>
      </dl>
      ${r.unchanged === r.totalRows && r.totalRows > 0 ? html`<p>${t('allUnchanged')}</p>` : nothing}`;
  }

  #preview(r: ImportReport) {
    const t = this.#t;
    const rows = r.rows.slice(0, this.previewRows);
    // The consent a row writes (LGPD: it becomes records of source "import"), when the sheet has consent columns.
    const consent = rows.some((row) => row.marketingConsent);
    const channels = CONSENT_CHANNEL_LABELS[this.resolvedLocale];
    const consentText = (c: NonNullable<ImportReport['rows'][number]['marketingConsent']>) =>
      (['email', 'sms', 'whatsapp'] as const).filter((ch) => c[ch]).map((ch) => channels[ch]).join(', ') || t('consentNone');
    return html`<div class="scroll" tabindex="0" role="region" aria-labelledby="preview-caption">
      <table part="preview">
        <caption id="preview-caption">${t('previewCaption', { n: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">${t('row')}</th>
            <th scope="col">${t('name')}</th>
            <th scope="col">${t('document')}</th>
            <th scope="col">${t('outcome')}</th>
            ${consent ? html`<th scope="col">${t('consent')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr data-outcome=${row.outcome}>
              <th scope="row" class="num">${row.row}</th>
              <td>${row.name ?? ''}</td>
              <td class="mono">${row.document ?? ''}</td>
              <td><span class="outcome ${row.outcome}">${t(`o_${row.outcome}`)}</span></td>
              ${consent ? html`<td data-consent>${row.marketingConsent ? consentText(row.marketingConsent) : '—'}</td>` : nothing}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #errors(r: ImportReport) {
    const t = this.#t;
    if (r.errors.length === 0) return html`<p class="ok">${t('noErrors')}</p>`;
    return html`<div class="scroll tall" tabindex="0" role="region" aria-labelledby="errors-caption">
      <table part="errors">
        <caption id="errors-caption">${t('errorsCaption', { n: formatNumber(r.errors.length, this.resolvedLocale) })}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">${t('row')}</th>
            <th scope="col">${t('field')}</th>
            <th scope="col">${t('message')}</th>
          </tr>
        </thead>
        <tbody>
          ${r.errors.map(
            (e) => html`<tr data-row=${e.row}>
              <th scope="row" class="num">${e.row}</th>
              <td data-path=${e.path}>${fieldLabel(e.path, this.resolvedLocale)}</td>
              <td>${e.message}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  override render() {
    const t = this.#t;
    const r = this.report;
    const busy = this.step === 'checking' || this.step === 'importing';
    const writable = r ? r.created + r.updated : 0;
    return html`<section part="base" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <h2 id="title">${t('title')}</h2>
      ${this.step === 'choose'
        ? html`<p id="intro">${t('intro')}</p>
            <p class="row">
              <span>${t('template')}</span>
              <button type="button" data-template="csv" @click=${() => this.#template('csv')}>${t('templateCsv')}</button>
              <button type="button" data-template="xlsx" @click=${() => this.#template('xlsx')}>${t('templateXlsx')}</button>
            </p>
            ${this.#chooser()}`
        : html`<p class="muted">${t('file')}: <strong>${this.file?.name}</strong></p>`}
      ${busy
        ? html`<div class="progress" role="status">
            <progress aria-label=${t('progress')}></progress>
            <span>${t(this.step === 'checking' ? 'checking' : 'importing')}</span>
          </div>`
        : nothing}
      <div role="alert" class="error">${this.error}${this._retry && this.error ? html` <button type="button" part="retry" @click=${this._retry}>${this.#t('retry')}</button>` : nothing}</div>
      ${r && (this.step === 'preview' || this.step === 'importing')
        ? html`${this.#summary(r)}
            <h3>${t('preview')}</h3>
            ${this.#preview(r)}
            <h3>${t('errors')}</h3>
            ${this.#errors(r)}
            <div part="actions" class="row">
              <button type="button" class="primary" data-action="confirm" ?disabled=${busy || writable === 0} @click=${() => this.#upload(false)}>
                ${writable === 0 ? t('confirmNone') : t('confirm')}
              </button>
              <button type="button" data-action="another" ?disabled=${busy} @click=${() => this.reset()}>${t('another')}</button>
            </div>`
        : nothing}
      ${r && this.step === 'done'
        ? html`${this.#summary(r)}
            ${r.errors.length ? this.#errors(r) : nothing}
            <div part="actions" class="row">
              ${r.rejected > 0
                ? html`<button type="button" data-action="download-rejected" @click=${this.#downloadRejected}>${t('downloadRejected')}</button>`
                : nothing}
              <button type="button" data-action="another" @click=${() => this.reset()}>${t('another')}</button>
            </div>`
        : nothing}
    </section>`;
  }
}
