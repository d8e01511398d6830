import type { AuditAction, AuditEntry } from '@clientela/core';
import { describeAuditEntry } from '@clientela/core/i18n';
import { AUDIT_ACTIONS } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { AuditLogClient } from './audit-log.client.js';
import { formatDateTime } from '../internal/localize.js';
import { dataTable } from '../internal/data-table.styles.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './audit-log.messages.js';
import { logView } from '../internal/log-view.styles.js';

/** A `yyyy-mm-dd` day's start (or end) in the browser's time zone, as ISO 8601. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!day) return undefined;
  const d = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/**
 * @summary The data log: who (key / actor) revealed, exported, imported or changed what, and when;
 * each entry a sentence in the page's language that names the customers and categories it is
 * about ("Adicionou a categoria VIP a 456 clientes"); newest first, in pages, filtered by action
 * and dates.
 *
 * @csspart base - The log.
 * @csspart toolbar - The filter form.
 * @csspart table - The table of entries.
 * @csspart row - One entry.
 * @csspart pager - Previous / next.
 *
 * @cssproperty --cl-color-border - Table rules.
 */
export class AuditLog extends ClientelaElement<AuditLogClient> {
  protected override clientModule(): ClientModule<AuditLogClient> {
    return import('./audit-log.client.js');
  }

  static override styles = [tokens, dataTable, formControls, logView];
  static override properties = {
    ...ClientelaElement.properties,
    action: { type: String, reflect: true },
    since: { type: String },
    until: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    items: { state: true },
    state: { state: true },
    pageIndex: { state: true },
    nextCursor: { state: true },
    rangeError: { state: true },
    categoryNames: { state: true },
  };

  /** Only entries with this action (e.g. `export`, `customer.reveal`); empty for all. */
  declare action: AuditAction | '';
  /** First day shown, `yyyy-mm-dd`. */
  declare since: string;
  /** Last day shown, `yyyy-mm-dd`. */
  declare until: string;
  /** Entries per page (default 20). */
  declare pageSize: number;
  /** The entries of the current page. */
  declare items: AuditEntry[];
  declare protected state: 'idle' | 'loading' | 'ready' | 'error';
  declare protected pageIndex: number;
  declare protected nextCursor: string | null;
  declare protected rangeError: boolean;
  /** Category names by id, for entries whose filter names a category only by id. */
  declare protected categoryNames: Map<string, string>;

  /** The cursor of each page seen, so "previous" needs no cursor from the server. */
  #cursors: (string | undefined)[] = [undefined];
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.action = '';
    this.since = '';
    this.until = '';
    this.pageSize = 20;
    this.items = [];
    this.state = 'idle';
    this.pageIndex = 0;
    this.nextCursor = null;
    this.rangeError = false;
    this.categoryNames = new Map();
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.connectionChanged(changed)) void this.#loadCategories();
    if (this.connectionChanged(changed) || changed.has('action') || changed.has('since') || changed.has('until') || changed.has('pageSize')) {
      this.#cursors = [undefined];
      this.pageIndex = 0;
      void this.#load();
    }
  }

  /** Reloads the first page (e.g. after an action that writes to the log). */
  refresh(): Promise<void> {
    this.#cursors = [undefined];
    this.pageIndex = 0;
    return this.#load();
  }

  async #load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const since = dayBoundary(this.since, false);
    const until = dayBoundary(this.until, true);
    this.rangeError = !!(since && until && since > until);
    if (this.rangeError) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.state = 'loading';
    try {
      const cursor = this.#cursors[this.pageIndex];
      const page = await api.audit.list(
        {
          limit: this.pageSize,
          ...(this.action && { action: this.action }),
          ...(since && { since }),
          ...(until && { until }),
          ...(cursor && { cursor }),
        },
        { signal: abort.signal },
      );
      if (abort.signal.aborted) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.state = 'ready';
    } catch {
      if (!abort.signal.aborted) this.state = 'error';
    }
  }

  /** Category names for filters; without them a filter shows the category's id. */
  async #loadCategories(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this.categoryNames = new Map((await api.categories.list()).map((c) => [c.id, c.name]));
    } catch {
      // The sentences stay readable without them (entries carry the names they act on).
    }
  }

  async #go(delta: 1 | -1): Promise<void> {
    if (delta === 1) {
      if (!this.nextCursor) return;
      this.#cursors[this.pageIndex + 1] = this.nextCursor;
    }
    this.pageIndex += delta;
    await this.#load();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('table')?.focus();
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    this.action = (data.get('action') as AuditAction | '') ?? '';
    this.since = String(data.get('since') ?? '');
    this.until = String(data.get('until') ?? '');
  }

  #clear(): void {
    this.action = '';
    this.since = '';
    this.until = '';
  }

  #sentence(e: AuditEntry) {
    const t = this.#t;
    const sentence = describeAuditEntry(e, this.resolvedLocale, { categoryName: (id) => this.categoryNames.get(id) });
    return html`<span data-sentence>${sentence}</span>
      ${e.sha256 ? html`<br /><span class="muted mono" title=${e.sha256}>${t('sha')} ${e.sha256.slice(0, 12)}…</span>` : nothing}`;
  }

  override render() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${t('title')}</h2>
      <form part="toolbar" @submit=${this.#onSubmit} aria-label=${t('filter')}>
        <label>
          <span>${t('action')}</span>
          <select name="action">
            <option value="" ?selected=${!this.action}>${t('allActions')}</option>
            ${AUDIT_ACTIONS.map((a) => html`<option value=${a} ?selected=${this.action === a}>${t(`a_${a}`)}</option>`)}
          </select>
        </label>
        <label><span>${t('from')}</span><input type="date" name="since" .value=${this.since} /></label>
        <label><span>${t('to')}</span><input type="date" name="until" .value=${this.until} /></label>
        <button type="submit" class="primary">${t('filter')}</button>
        <button type="button" @click=${this.#clear}>${t('clear')}</button>
      </form>
      <div role="status" class="status">
        ${this.rangeError ? t('badRange') : this.state === 'loading' ? t('loading') : ''}
      </div>
      ${this.state === 'error'
        ? html`<div role="alert">${t('failed')} <button type="button" @click=${() => this.#load()}>${t('retry')}</button></div>`
        : nothing}
      ${this.state === 'ready' && this.items.length === 0 ? html`<p class="muted" data-empty>${t('empty')}</p>` : nothing}
      ${this.items.length
        ? html`<table part="table" tabindex="-1" aria-labelledby="title" aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
            <thead>
              <tr>
                <th scope="col">${t('when')}</th>
                <th scope="col">${t('who')}</th>
                <th scope="col">${t('what')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.items.map(
                (e) => html`<tr part="row" data-action=${e.action}>
                  <td><time datetime=${e.at}>${formatDateTime(e.at, loc)}</time></td>
                  <td>${e.actor.name ?? ''}${e.actor.name ? html`<br />` : nothing}<span class="muted mono">${t('key')} ${e.actor.keyName ? `${e.actor.keyName} (${e.actor.keyId})` : e.actor.keyId}</span></td>
                  <th scope="row">${this.#sentence(e)}</th>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      <nav part="pager" aria-label=${t('page', { n: this.pageIndex + 1 })}>
        <button type="button" data-page="previous" ?disabled=${this.pageIndex === 0 || this.state === 'loading'} @click=${() => this.#go(-1)}>
          ${t('previous')}
        </button>
        <span>${t('page', { n: this.pageIndex + 1 })}</span>
        <button type="button" data-page="next" ?disabled=${!this.nextCursor || this.state === 'loading'} @click=${() => this.#go(1)}>
          ${t('next')}
        </button>
      </nav>
    </section>`;
  }
}
