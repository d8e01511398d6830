import type { PrivacyRequest, PrivacyRequestStatus, PrivacyRequestType } from '@clientela/core';
import { isApiError } from '@clientela/core/errors';
import { PRIVACY_REQUEST_STATUS_LABELS, PRIVACY_REQUEST_TYPE_LABELS } from '@clientela/core/i18n';
import { ANONYMIZE_CONFIRMATION, PRIVACY_REQUEST_STATUSES, PRIVACY_REQUEST_TYPES, privacyDaysLeft } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { saveBlob } from '../internal/download.js';
import { errorText } from '../internal/error-text.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { tokens } from '../internal/tokens.js';
import type { PrivacyRequestsClient } from './privacy-requests.client.js';
import { catalog } from './privacy-requests.messages.js';
import { styles } from './privacy-requests.styles.js';

/**
 * @summary The queue of data-subject requests (LGPD art. 18): who asked for what, when it is due
 * (15 days, art. 19: days left, or overdue), its status and who handled it. A request is started,
 * completed or refused from its row; an access or portability request downloads the person's
 * archive; an anonymization or deletion request is completed by anonymizing the customer, after
 * typing the confirmation word. With `customer-id`, the queue is that customer's, and the store
 * opens a request on their behalf (one they made by phone, e-mail or at the counter).
 *
 * @event change - A request was handled or a customer anonymized.
 *
 * @csspart table - The list.
 * @csspart dialog - The anonymization confirmation.
 * @cssproperty --cl-size-target - Height of inputs and buttons (44px).
 */
export class PrivacyRequests extends ClientelaElement<PrivacyRequestsClient> {
  protected override clientModule(): ClientModule<PrivacyRequestsClient> {
    return import('./privacy-requests.client.js');
  }

  static override styles = [tokens, formControls, styles];
  static override properties = {
    ...ClientelaElement.properties,
    status: { type: String, reflect: true },
    customerId: { type: String, attribute: 'customer-id' },
    customerName: { type: String, attribute: 'customer-name' },
    _newType: { state: true },
    _items: { state: true },
    _next: { state: true },
    _busy: { state: true },
    _message: { state: true },
    _confirming: { state: true },
    _confirmError: { state: true },
  };

  /** Shows only requests in this status (empty: all). */
  declare status: PrivacyRequestStatus | '';
  /** Shows only this customer's requests, and the form to open one on their behalf. */
  declare customerId: string | undefined;
  /** The customer's name, for the form's heading. */
  declare customerName: string | undefined;
  declare private _newType: PrivacyRequestType;
  declare private _items: PrivacyRequest[] | undefined;
  declare private _next: string | null;
  declare private _busy: boolean;
  declare private _message: string;
  declare private _confirming: PrivacyRequest | undefined;
  declare private _confirmError: string;

  constructor() {
    super();
    this.status = '';
    this._newType = 'access';
    this._next = null;
    this._busy = false;
    this._message = '';
    this._confirmError = '';
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  /** The requests shown, newest first. */
  get requests(): PrivacyRequest[] {
    return this._items ?? [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed) || changed.has('status') || changed.has('customerId')) void this.reload();
  }

  /** The list's query: the status filter, and the customer when the queue is one customer's. */
  #query() {
    return { ...(this.status ? { status: this.status } : {}), ...(this.customerId ? { customerId: this.customerId } : {}) };
  }

  /** Reads the first page again. */
  async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const page = await api.privacyRequests.list(this.#query());
      this._items = page.items;
      this._next = page.nextCursor;
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    }
  }

  async #more(): Promise<void> {
    if (!this.api || !this._next) return;
    const page = await this.api.privacyRequests.list({ ...this.#query(), cursor: this._next });
    this._items = [...this.requests, ...page.items];
    this._next = page.nextCursor;
  }

  async #act(run: () => Promise<unknown>, done: string): Promise<void> {
    this._busy = true;
    try {
      await run();
      this._message = done;
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await this.reload();
    } catch (e) {
      this._message = isApiError(e) && e.status === 412 ? this.#t('stale') : errorText(e, this.resolvedLocale);
      if (isApiError(e) && e.status === 412) await this.reload();
    } finally {
      this._busy = false;
    }
  }

  #setStatus(r: PrivacyRequest, status: 'in_progress' | 'completed' | 'rejected'): Promise<void> {
    const t = this.#t;
    const done = status === 'in_progress' ? t('started', { name: r.customerName }) : status === 'completed' ? t('completed', { name: r.customerName }) : t('rejected', { name: r.customerName });
    return this.#act(() => this.api!.privacyRequests.update(r, { status }), done);
  }

  async #download(r: PrivacyRequest): Promise<void> {
    this._busy = true;
    try {
      const { blob, filename } = await this.api!.privacyRequests.archive(r.customerId);
      saveBlob(blob, filename);
      this._message = this.#t('downloaded', { name: r.customerName });
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  /** Opens a request of the chosen type on the customer's behalf (a retry opens it once: the client sends an Idempotency-Key). */
  async #open(event: Event): Promise<void> {
    event.preventDefault();
    const customerId = this.customerId;
    if (!this.api || !customerId || this._busy) return;
    const t = this.#t;
    const loc = this.resolvedLocale;
    this._busy = true;
    try {
      const r = await this.api.privacyRequests.create({ customerId, type: this._newType });
      this._message = t('opened_', { type: PRIVACY_REQUEST_TYPE_LABELS[loc][r.type], date: new Intl.DateTimeFormat(loc, { dateStyle: 'short' }).format(new Date(r.dueAt)) });
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await this.reload();
    } catch (e) {
      this._message = errorText(e, loc);
    } finally {
      this._busy = false;
    }
  }

  async #openConfirm(r: PrivacyRequest): Promise<void> {
    this._confirming = r;
    this._confirmError = '';
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    dialog?.showModal();
    this.renderRoot.querySelector<HTMLInputElement>('#confirm-word')?.focus();
  }

  #closeConfirm(): void {
    this.renderRoot.querySelector('dialog')?.close();
  }

  /** The dialog closed (Cancel, Escape or done): focus goes back to the row's button, if it is still there. */
  #closed(): void {
    // The form stays rendered until the next opening, so the focus it held is not lost to a removal.
    const r = this._confirming;
    if (!r) return;
    const back = () => this.renderRoot.querySelector<HTMLElement>(`[data-anonymize="${r.id}"]`)?.focus();
    back();
    // Chromium may restore the focus it had before the dialog opened after this event: once more
    // on the next frame, so the keyboard is where the person left it.
    requestAnimationFrame(back);
  }

  async #anonymize(event: Event): Promise<void> {
    event.preventDefault();
    const r = this._confirming;
    if (!r) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#confirm-word')!;
    if (input.value.trim().toUpperCase() !== ANONYMIZE_CONFIRMATION) {
      this._confirmError = this.#t('mismatch', { word: ANONYMIZE_CONFIRMATION });
      input.focus();
      return;
    }
    this._busy = true;
    try {
      await this.api!.privacyRequests.anonymize(r.customerId, { confirmation: input.value, requestId: r.id });
      this.#closeConfirm();
      this._message = this.#t('anonymized');
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await this.reload();
    } catch (e) {
      this._confirmError = errorText(e, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  #due(r: PrivacyRequest) {
    const t = this.#t;
    const date = new Intl.DateTimeFormat(this.resolvedLocale, { dateStyle: 'short' }).format(new Date(r.dueAt));
    if (r.status === 'completed' || r.status === 'rejected') return date;
    const left = privacyDaysLeft(r.dueAt, new Date());
    const num = new Intl.NumberFormat(this.resolvedLocale);
    const words = left > 0 ? t('daysLeft', { n: num.format(left) }) : left === 0 ? t('dueToday') : t('overdue', { n: num.format(-left) });
    return html`${date} <span class=${left < 0 ? 'overdue' : ''}>(${words})</span>`;
  }

  #who(actor: PrivacyRequest['openedBy'] | undefined): string {
    if (!actor) return '—';
    return 'customer' in actor ? this.#t('shopper') : (actor.name ?? actor.keyId);
  }

  #row(r: PrivacyRequest) {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const open = r.status === 'open' || r.status === 'in_progress';
    const erasure = r.type === 'anonymization' || r.type === 'deletion';
    const dateFmt = new Intl.DateTimeFormat(loc, { dateStyle: 'short' });
    return html`<tr>
      <th scope="row">${r.customerName}</th>
      <td>${PRIVACY_REQUEST_TYPE_LABELS[loc][r.type]}</td>
      <td>${PRIVACY_REQUEST_STATUS_LABELS[loc][r.status]}</td>
      <td>${dateFmt.format(new Date(r.openedAt))}</td>
      <td>${this.#due(r)}</td>
      <td>${this.#who(r.openedBy)}</td>
      <td>${this.#who(r.handledBy)}</td>
      <td>
        <div class="row-actions">
          ${open && r.status === 'open' ? html`<button type="button" data-start=${r.id} ?disabled=${this._busy} @click=${() => this.#setStatus(r, 'in_progress')}>${t('start')}</button>` : nothing}
          ${open && (r.type === 'access' || r.type === 'portability')
            ? html`<button type="button" data-download=${r.id} ?disabled=${this._busy} @click=${() => this.#download(r)}>${t('download')}</button>`
            : nothing}
          ${open && !erasure ? html`<button type="button" data-complete=${r.id} ?disabled=${this._busy} @click=${() => this.#setStatus(r, 'completed')}>${t('complete')}</button>` : nothing}
          ${open && erasure
            ? html`<button type="button" class="danger" data-anonymize=${r.id} ?disabled=${this._busy} @click=${() => this.#openConfirm(r)}>${t('anonymize')}</button>`
            : nothing}
          ${open ? html`<button type="button" data-reject=${r.id} ?disabled=${this._busy} @click=${() => this.#setStatus(r, 'rejected')}>${t('reject')}</button>` : nothing}
        </div>
      </td>
    </tr>`;
  }

  override render() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const items = this._items;
    const c = this._confirming;
    return html`<h2 id="title">${t('title')}</h2>
      <p class="note" id="note">${t('note')}</p>
      <div class="toolbar">
        <div class="field">
          <label for="status-filter">${t('filter')}</label>
          <select id="status-filter" .value=${this.status} @change=${(e: Event) => (this.status = (e.target as HTMLSelectElement).value as PrivacyRequestStatus | '')}>
            <option value="" ?selected=${!this.status}>${t('all')}</option>
            ${PRIVACY_REQUEST_STATUSES.map((s) => html`<option value=${s} ?selected=${this.status === s}>${PRIVACY_REQUEST_STATUS_LABELS[loc][s]}</option>`)}
          </select>
        </div>
      </div>
      ${this.customerId
        ? html`<form class="new" part="new" aria-labelledby="new-title" @submit=${(e: Event) => void this.#open(e)}>
            <h3 id="new-title">${this.customerName ? t('newTitle', { name: this.customerName }) : t('newTitleUnnamed')}</h3>
            <div class="field">
              <label for="new-type">${t('newType')}</label>
              <select id="new-type" .value=${this._newType} @change=${(e: Event) => (this._newType = (e.target as HTMLSelectElement).value as PrivacyRequestType)}>
                ${PRIVACY_REQUEST_TYPES.map((ty) => html`<option value=${ty} ?selected=${this._newType === ty}>${PRIVACY_REQUEST_TYPE_LABELS[loc][ty]}</option>`)}
              </select>
            </div>
            <button type="submit" data-open-request ?disabled=${this._busy}>${t('newOpen')}</button>
          </form>`
        : nothing}
      <p class="status" role="status">${this._message}</p>
      ${items === undefined
        ? html`<p>${t('loading')}</p>`
        : items.length === 0
          ? html`<p>${t('empty')}</p>`
          : html`<div class="table-wrap" part="table">
              <table aria-labelledby="title" aria-describedby="note">
                <thead>
                  <tr>
                    ${[t('customer'), t('type'), t('status'), t('opened'), t('due'), t('openedBy'), t('handledBy'), t('actions')].map((h) => html`<th scope="col">${h}</th>`)}
                  </tr>
                </thead>
                <tbody>
                  ${items.map((r) => this.#row(r))}
                </tbody>
              </table>
            </div>`}
      ${this._next ? html`<button type="button" @click=${() => this.#more()}>${t('more')}</button>` : nothing}
      <dialog part="dialog" aria-labelledby="confirm-title" @close=${() => this.#closed()}>
        ${c
          ? html`<form novalidate @submit=${(e: Event) => void this.#anonymize(e)}>
              <h3 id="confirm-title">${t('confirmTitle', { name: c.customerName })}</h3>
              <p id="confirm-text">${t('confirmText', { word: ANONYMIZE_CONFIRMATION })}</p>
              <label for="confirm-word">${t('confirmLabel')}</label>
              <input id="confirm-word" autocomplete="off" spellcheck="false" aria-describedby="confirm-text confirm-error" aria-invalid=${this._confirmError ? 'true' : 'false'} />
              <div class="error" id="confirm-error" role="alert">${this._confirmError}</div>
              <div class="dialog-actions">
                <button type="button" @click=${() => this.#closeConfirm()}>${t('cancel')}</button>
                <button type="submit" class="danger" ?disabled=${this._busy}>${t('confirmButton')}</button>
              </div>
            </form>`
          : nothing}
      </dialog>`;
  }
}
