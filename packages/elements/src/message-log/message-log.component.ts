import type { MessageBatch, MessageRecipient, MessageRecipientStatus } from '@clientela/core';
import { MESSAGE_RECIPIENT_STATUSES } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { MessageBatchOpenEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { dataTable } from '../internal/data-table.styles.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { formatDateTime, formatNumber } from '../internal/localize.js';
import { tokens } from '../internal/tokens.js';
import type { MessageLogClient } from './message-log.client.js';
import { catalog } from './message-log.messages.js';
import { logView } from '../internal/log-view.styles.js';
import { logStyles } from './message-log.styles.js';

/**
 * @summary The messages sent to customers ("Mensagens"): each batch with when, who, the channel,
 * the text and its recipients counted by status; a batch's recipients, each with its status and
 * the reason it failed or was not sent, paged and filtered by status. While a batch is still
 * sending (recipients queued) the view refreshes itself.
 *
 * @event cl-message-batch-open - A batch was opened, or the view went back to the list (`event.detail.id`, `''` for the list).
 *
 * @csspart base - The log.
 * @csspart table - The table of batches or recipients.
 * @csspart row - One batch or recipient.
 * @csspart pager - Previous / next.
 *
 * @cssproperty --cl-color-border - Table rules.
 */
export class MessageLog extends ClientelaElement<MessageLogClient> {
  protected override clientModule(): ClientModule<MessageLogClient> {
    return import('./message-log.client.js');
  }

  static override styles = [tokens, dataTable, formControls, logView, logStyles];
  static override properties = {
    ...ClientelaElement.properties,
    batch: { type: String, reflect: true },
    status: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    refreshInterval: { type: Number, attribute: 'refresh-interval' },
    batches: { state: true },
    current: { state: true },
    recipients: { state: true },
    state: { state: true },
    pageIndex: { state: true },
    nextCursor: { state: true },
  };

  /** The id of the batch whose recipients are shown; empty for the list of batches. */
  declare batch: string;
  /** Only recipients with this status (in a batch); empty for all. */
  declare status: MessageRecipientStatus | '';
  /** Rows per page (default 20). */
  declare pageSize: number;
  /** How often, in ms, the view refreshes while a batch is sending (default 2000). */
  declare refreshInterval: number;
  declare protected batches: MessageBatch[];
  declare protected current: MessageBatch | undefined;
  declare protected recipients: MessageRecipient[];
  declare protected state: 'idle' | 'loading' | 'ready' | 'error' | 'not-found';
  declare protected pageIndex: number;
  declare protected nextCursor: string | null;

  /** The cursor of each page seen, so "previous" needs no cursor from the server. */
  #cursors: (string | undefined)[] = [undefined];
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.batch = '';
    this.status = '';
    this.pageSize = 20;
    this.refreshInterval = 2000;
    this.batches = [];
    this.recipients = [];
    this.state = 'idle';
    this.pageIndex = 0;
    this.nextCursor = null;
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#abort?.abort();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page after a removal: start over (the timer was stopped).
    if (this.hasUpdated) void this.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.connectionChanged(changed) || changed.has('batch') || changed.has('status') || changed.has('pageSize')) {
      if (changed.has('batch')) this.current = undefined;
      void this.refresh();
    }
  }

  /** Reloads the first page (of batches, or of the open batch's recipients). */
  refresh(): Promise<void> {
    this.#cursors = [undefined];
    this.pageIndex = 0;
    return this.#load(false);
  }

  /** Loads the current page; `quiet` (an automatic refresh) keeps what is on screen until the answer arrives. */
  async #load(quiet: boolean): Promise<void> {
    const api = this.api;
    if (!api) return;
    clearTimeout(this.#timer);
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    if (!quiet) this.state = 'loading';
    const cursor = this.#cursors[this.pageIndex];
    const signal = abort.signal;
    try {
      let sending: boolean;
      if (this.batch) {
        const [batch, page] = await Promise.all([
          api.messages.retrieve(this.batch, { signal }),
          api.messages.recipients(this.batch, { limit: this.pageSize, ...(this.status && { status: this.status }), ...(cursor && { cursor }) }, { signal }),
        ]);
        if (signal.aborted) return;
        this.current = batch;
        this.recipients = page.items;
        this.nextCursor = page.nextCursor;
        sending = batch.progress.queued > 0;
      } else {
        const page = await api.messages.list({ limit: this.pageSize, ...(cursor && { cursor }) }, { signal });
        if (signal.aborted) return;
        this.batches = page.items;
        this.nextCursor = page.nextCursor;
        sending = page.items.some((b) => b.progress.queued > 0);
      }
      this.state = 'ready';
      if (sending && this.isConnected) this.#timer = setTimeout(() => void this.#load(true), this.refreshInterval);
    } catch (error) {
      if (signal.aborted) return;
      this.state = (error as { status?: number }).status === 404 ? 'not-found' : 'error';
    }
  }

  async #go(delta: 1 | -1): Promise<void> {
    if (delta === 1) {
      if (!this.nextCursor) return;
      this.#cursors[this.pageIndex + 1] = this.nextCursor;
    }
    this.pageIndex += delta;
    await this.#load(false);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('table')?.focus();
  }

  async #open(id: string): Promise<void> {
    this.batch = id;
    this.status = '';
    this.dispatchEvent(new MessageBatchOpenEvent({ id }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  #onFilter(event: SubmitEvent): void {
    event.preventDefault();
    this.status = (new FormData(event.currentTarget as HTMLFormElement).get('status') as MessageRecipientStatus | '') ?? '';
  }

  #progress(b: MessageBatch) {
    const t = this.#t;
    const loc = this.resolvedLocale;
    return html`<ul class="progress" aria-label=${t('progress')}>
      ${MESSAGE_RECIPIENT_STATUSES.filter((s) => b.progress[s] > 0).map(
        (s) => html`<li class="st-${s}" data-status=${s}>${t(`st_${s}`)}: <strong>${formatNumber(b.progress[s], loc)}</strong></li>`,
      )}
    </ul>`;
  }

  #status() {
    const t = this.#t;
    return html`<div role="status" class="status">
      ${this.state === 'loading' ? t('loading') : (this.batch ? this.current?.progress.queued : this.batches.some((b) => b.progress.queued > 0)) ? t('sending') : ''}
    </div>
    ${this.state === 'error'
      ? html`<div role="alert">${t('failed')} <button type="button" @click=${() => this.#load(false)}>${t('retry')}</button></div>`
      : nothing}`;
  }

  #pager() {
    const t = this.#t;
    return html`<nav part="pager" aria-label=${t('page', { n: this.pageIndex + 1 })}>
      <button type="button" data-page="previous" ?disabled=${this.pageIndex === 0 || this.state === 'loading'} @click=${() => this.#go(-1)}>${t('previous')}</button>
      <span>${t('page', { n: this.pageIndex + 1 })}</span>
      <button type="button" data-page="next" ?disabled=${!this.nextCursor || this.state === 'loading'} @click=${() => this.#go(1)}>${t('next')}</button>
    </nav>`;
  }

  #renderList() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title" tabindex="-1">${t('title')}</h2>
      ${this.#status()}
      ${this.state === 'ready' && this.batches.length === 0 ? html`<p class="muted" data-empty>${t('empty')}</p>` : nothing}
      ${this.batches.length
        ? html`<table part="table" tabindex="-1" aria-labelledby="title" aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
            <thead>
              <tr>
                <th scope="col">${t('when')}</th>
                <th scope="col">${t('who')}</th>
                <th scope="col">${t('channel')}</th>
                <th scope="col">${t('message')}</th>
                <th scope="col">${t('recipients')}</th>
                <th scope="col"><span class="visually-hidden">${t('open')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${this.batches.map(
                (b) => html`<tr part="row" data-batch=${b.id}>
                  <td><time datetime=${b.createdAt}>${formatDateTime(b.createdAt, loc)}</time></td>
                  <td>${b.createdBy.name ?? html`<span class="muted mono">${t('key')} ${b.createdBy.keyId}</span>`}</td>
                  <td>${t(`ch_${b.channel}`)}</td>
                  <th scope="row" class="text">${b.subject ? html`<strong>${b.subject}</strong><br />` : nothing}<span class="muted">${b.text.length > 140 ? `${b.text.slice(0, 140)}…` : b.text}</span></th>
                  <td>${this.#progress(b)}</td>
                  <td><button type="button" data-open=${b.id} @click=${() => this.#open(b.id)}>${t('open')}</button></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${this.#pager()}
    </section>`;
  }

  #reason(r: MessageRecipient): string {
    if (r.skipReason) return this.#t(r.skipReason === 'no_contact' && r.channel === 'push' ? 'sk_no_app' : `sk_${r.skipReason}`);
    return r.error ?? '';
  }

  #renderBatch() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const b = this.current;
    return html`<section part="base" aria-labelledby="title">
      <div><button type="button" data-back @click=${() => {
        this.batch = '';
        this.dispatchEvent(new MessageBatchOpenEvent({ id: '' }));
      }}>${t('back')}</button></div>
      <h2 id="title" tabindex="-1">${b ? t('batchTitle', { date: formatDateTime(b.createdAt, loc) }) : t('title')}</h2>
      ${this.state === 'not-found' ? html`<p role="alert">${t('notFound')}</p>` : nothing}
      ${b
        ? html`<p>${t(`ch_${b.channel}`)} · ${b.createdBy.name ?? `${t('key')} ${b.createdBy.keyId}`}</p>
            ${b.subject ? html`<p><strong>${b.subject}</strong></p>` : nothing}
            <p class="full-text">${b.text}</p>
            ${this.#progress(b)}`
        : nothing}
      ${this.#status()}
      <form part="toolbar" @submit=${this.#onFilter} aria-label=${t('filter')}>
        <label>
          <span>${t('status')}</span>
          <select name="status">
            <option value="" ?selected=${!this.status}>${t('allStatuses')}</option>
            ${MESSAGE_RECIPIENT_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t(`st_${s}`)}</option>`)}
          </select>
        </label>
        <button type="submit">${t('filter')}</button>
      </form>
      ${this.state === 'ready' && this.recipients.length === 0 ? html`<p class="muted" data-empty>${t('emptyRecipients')}</p>` : nothing}
      ${this.recipients.length
        ? html`<table part="table" tabindex="-1" aria-labelledby="title" aria-busy=${this.state === 'loading' ? 'true' : 'false'}>
            <thead>
              <tr>
                <th scope="col">${t('customer')}</th>
                <th scope="col">${t('address')}</th>
                <th scope="col">${t('status')}</th>
                <th scope="col">${t('reason')}</th>
                <th scope="col">${t('attempts')}</th>
                <th scope="col">${t('updated')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.recipients.map(
                (r) => html`<tr part="row" data-recipient=${r.customerId} data-status=${r.status}>
                  <th scope="row">${r.customerName}</th>
                  <td>${r.address ?? ''}</td>
                  <td class="st-${r.status}">${t(`st_${r.status}`)}</td>
                  <td>${this.#reason(r)}</td>
                  <td>${formatNumber(r.attempts, loc)}</td>
                  <td><time datetime=${r.updatedAt}>${formatDateTime(r.updatedAt, loc)}</time></td>
                </tr>`,
              )}
            </tbody>
          </table>`
        : nothing}
      ${this.#pager()}
    </section>`;
  }

  override render() {
    return this.batch ? this.#renderBatch() : this.#renderList();
  }
}
