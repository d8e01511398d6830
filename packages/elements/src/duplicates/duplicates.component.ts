import type { ClientChange, CustomerMergePreview, DuplicatePair, MergeField } from '@clientela/core';
import { addressLine, customerDisplayName, formatMoney, formatPercent, formatPhoneBR } from '@clientela/core/format';
import { DUPLICATE_REASON_LABELS, fieldLabel } from '@clientela/core/i18n';
import { MERGE_MAX_PAIRS } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { errorText } from '../internal/error-text.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { formatDate, formatNumber } from '../internal/localize.js';
import { tokens } from '../internal/tokens.js';
import type { DuplicatesClient } from './duplicates.client.js';
import { catalog } from './duplicates.messages.js';
import { styles } from './duplicates.styles.js';
import { defaultChoices, defaultSurvivor, groupMerges, takeOf } from './merge-choices.js';
import { RebuildController } from './rebuild.controller.js';

type Listed = DuplicatePair['customers'][number];
const keyOf = (p: DuplicatePair) => `${p.customers[0].id}|${p.customers[1].id}`;

/**
 * @summary "Possíveis duplicados": pairs of customers that may be one person, most likely first,
 * each with the reasons found and a 0–100 score. A pair is dismissed ("Ignorar") or compared
 * side by side ("Comparar e unir"): the admin picks the record that stays and, field by field,
 * whose value it keeps, sees what moves (orders, credits, consent history, messages) and the
 * figures after, then merges. Several pairs are merged in one call; "Procurar de novo" runs the
 * full search on the server and shows its progress. A failed merge keeps every choice made.
 *
 * @event change - Pairs were merged or dismissed.
 *
 * @csspart table - The list of pairs.
 * @csspart dialog - The comparison and the confirmation of a multiple merge.
 * @cssproperty --cl-size-target - Height of buttons (44px).
 */
export class Duplicates extends ClientelaElement<DuplicatesClient> {
  protected override clientModule(): ClientModule<DuplicatesClient> {
    return import('./duplicates.client.js');
  }

  static override styles = [tokens, formControls, styles];
  static override properties = {
    ...ClientelaElement.properties,
    pageSize: { type: Number, attribute: 'page-size' },
    _items: { state: true },
    _next: { state: true },
    _busy: { state: true },
    _message: { state: true },
    _selected: { state: true },
    _preview: { state: true },
    _choices: { state: true },
    _dialogError: { state: true },
    _bulk: { state: true },
  };

  /** Pairs read per page (1–200). */
  declare pageSize: number;
  declare private _items: DuplicatePair[] | undefined;
  declare private _next: string | null;
  declare private _busy: boolean;
  declare private _message: string;
  declare private _selected: Set<string>;
  declare private _preview: CustomerMergePreview | undefined;
  declare private _choices: Map<MergeField, 'survivor' | 'merged'>;
  declare private _dialogError: string;
  declare private _bulk: { survivor: Listed; merged: Listed }[] | undefined;

  readonly #l10n = new LocalizeController(this, catalog);
  readonly rebuild = new RebuildController(
    this,
    { status: () => this.api?.duplicates.rebuildStatus(), start: () => this.api?.duplicates.rebuild() },
    () => {
      this._message = this.#t('scanDone');
      void this.reload();
    },
  );
  /** The pair being compared, and the idempotency key of its merge (kept across a retry). */
  #comparing: { pair: DuplicatePair; key: string } | undefined;

  constructor() {
    super();
    this.pageSize = 20;
    this._next = null;
    this._busy = false;
    this._message = '';
    this._selected = new Set();
    this._choices = new Map();
    this._dialogError = '';
  }

  get #t() {
    return this.#l10n.t;
  }

  /** The pairs shown. */
  get pairs(): DuplicatePair[] {
    return this._items ?? [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed) || changed.has('pageSize')) {
      void this.reload();
      void this.rebuild.read();
    }
  }

  protected override clientChanged(change: ClientChange): void {
    // A customer changed elsewhere on the page (or merged here): the pairs may have changed too.
    if (change.type.startsWith('customer.') && !this._busy) void this.reload();
  }

  /** Reads the first page again (the selection keeps only pairs still listed). */
  async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const page = await api.duplicates.list({ limit: this.pageSize });
      this._items = page.items;
      this._next = page.nextCursor;
      const listed = new Set(page.items.map(keyOf));
      this._selected = new Set([...this._selected].filter((k) => listed.has(k)));
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    }
  }

  async #more(): Promise<void> {
    if (!this.api || !this._next) return;
    try {
      const page = await this.api.duplicates.list({ limit: this.pageSize, cursor: this._next });
      this._items = [...this.pairs, ...page.items];
      this._next = page.nextCursor;
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    }
  }

  #changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  async #dismiss(p: DuplicatePair): Promise<void> {
    this._busy = true;
    try {
      await this.api!.duplicates.dismiss([p.customers[0].id, p.customers[1].id]);
      this._message = this.#t('dismissed', { a: customerDisplayName(p.customers[0]), b: customerDisplayName(p.customers[1]) });
      this.#changed();
      await this.reload();
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  #toggle(p: DuplicatePair, on: boolean): void {
    const next = new Set(this._selected);
    if (on) next.add(keyOf(p));
    else next.delete(keyOf(p));
    this._selected = next;
  }

  // ---- compare and merge one pair ----

  async #compare(p: DuplicatePair, survivorId?: string): Promise<void> {
    const [s, m] = survivorId ? (p.customers[0].id === survivorId ? [p.customers[0], p.customers[1]] : [p.customers[1], p.customers[0]]) : defaultSurvivor(...p.customers);
    this._busy = true;
    try {
      const preview = await this.api!.duplicates.previewMerge({ survivorId: s.id, mergedId: m.id });
      this.#comparing = { pair: p, key: crypto.randomUUID() };
      this._preview = preview;
      this._choices = defaultChoices(preview);
      this._dialogError = '';
      await this.updateComplete;
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#compare');
      if (dialog && !dialog.open) dialog.showModal();
      this.renderRoot.querySelector<HTMLInputElement>('#compare input[name=keep]:checked')?.focus();
    } catch (e) {
      if (this._preview) this._dialogError = errorText(e, this.resolvedLocale);
      else this._message = errorText(e, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  #choose(field: MergeField, who: 'survivor' | 'merged'): void {
    this._choices = new Map(this._choices).set(field, who);
  }

  async #mergeOne(event: Event): Promise<void> {
    event.preventDefault();
    const preview = this._preview;
    const comparing = this.#comparing;
    if (!preview || !comparing) return;
    this._busy = true;
    try {
      const take = takeOf(this._choices);
      await this.api!.duplicates.merge({ merges: [{ survivorId: preview.survivor.id, mergedId: preview.merged.id, ...(take.length ? { take } : {}) }] }, { idempotencyKey: comparing.key });
      this.renderRoot.querySelector<HTMLDialogElement>('#compare')?.close();
      this._message = this.#t('merged', { name: customerDisplayName(preview.survivor) });
      this.#changed();
      await this.reload();
    } catch (e) {
      // The dialog stays open with every choice as it was: the admin can try again.
      this._dialogError = errorText(e, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  #closed(): void {
    this._preview = undefined;
    this.#comparing = undefined;
    this._bulk = undefined;
  }

  // ---- merge many pairs in one call ----

  async #openBulk(): Promise<void> {
    const chosen = this.pairs.filter((p) => this._selected.has(keyOf(p)));
    this._bulk = groupMerges(chosen);
    this._dialogError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('#bulk')?.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('#bulk button[type=submit]')?.focus();
  }

  #bulkKey: string | undefined;
  async #mergeBulk(event: Event): Promise<void> {
    event.preventDefault();
    const merges = this._bulk;
    if (!merges?.length) return;
    this._busy = true;
    this.#bulkKey ??= crypto.randomUUID();
    try {
      const result = await this.api!.duplicates.merge({ merges: merges.map((x) => ({ survivorId: x.survivor.id, mergedId: x.merged.id })) }, { idempotencyKey: this.#bulkKey });
      this.#bulkKey = undefined;
      this.renderRoot.querySelector<HTMLDialogElement>('#bulk')?.close();
      this._selected = new Set();
      this._message = this.#t('mergedMany', { n: formatNumber(result.items.length, this.resolvedLocale) });
      this.#changed();
      await this.reload();
    } catch (e) {
      this._dialogError = errorText(e, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  // ---- rendering ----

  #value(field: MergeField, v: unknown): string {
    const loc = this.resolvedLocale;
    if (v === undefined || v === null || v === '') return this.#t('none');
    if (field === 'whatsapp') return v ? this.#t('yes') : this.#t('no');
    if (field === 'phone') return formatPhoneBR(String(v));
    if (field === 'birthDate') return formatDate(String(v), loc);
    if (field === 'discountPercent') return formatPercent(Number(v), loc);
    if (field === 'address') return addressLine(v as Parameters<typeof addressLine>[0]);
    return String(v);
  }

  #who(c: Listed) {
    const t = this.#t;
    return html`<div class="who">
      <strong>${customerDisplayName(c)}</strong>
      <span class="muted">${[c.document, c.email, c.phone ? formatPhoneBR(c.phone) : ''].filter(Boolean).join(' · ')}</span>
      <span class="muted">${t('orders', { n: formatNumber(c.stats.ordersCount, this.resolvedLocale) })}</span>
    </div>`;
  }

  #reasons(p: DuplicatePair) {
    const loc = this.resolvedLocale;
    const labels = DUPLICATE_REASON_LABELS[loc];
    return p.reasons
      .map((r) => (r.similarity !== undefined ? this.#t('similar', { label: labels[r.type], pct: formatPercent(r.similarity * 100, loc) }) : labels[r.type]))
      .join('; ');
  }

  #row(p: DuplicatePair) {
    const t = this.#t;
    const [a, b] = p.customers;
    const key = keyOf(p);
    const checked = this._selected.has(key);
    const full = !checked && this._selected.size >= MERGE_MAX_PAIRS;
    return html`<tr part="row" data-pair=${key}>
      <td>
        <input type="checkbox" .checked=${checked} ?disabled=${full} aria-label=${t('select', { a: customerDisplayName(a), b: customerDisplayName(b) })}
          @change=${(e: Event) => this.#toggle(p, (e.target as HTMLInputElement).checked)} />
      </td>
      <td>${this.#who(a)}</td>
      <td>${this.#who(b)}</td>
      <td>${this.#reasons(p)}</td>
      <td>${formatNumber(p.score, this.resolvedLocale)}</td>
      <td>
        <div class="row-actions">
          <button type="button" data-compare=${key} ?disabled=${this._busy} @click=${() => this.#compare(p)}>${t('compare')}</button>
          <button type="button" data-dismiss=${key} ?disabled=${this._busy} @click=${() => this.#dismiss(p)}>${t('dismiss')}</button>
        </div>
      </td>
    </tr>`;
  }

  #compareDialog() {
    const t = this.#t;
    const p = this._preview;
    const pair = this.#comparing?.pair;
    if (!p || !pair) return nothing;
    const loc = this.resolvedLocale;
    const differing = p.fields.filter((f) => f.differs);
    return html`<form novalidate @submit=${(e: Event) => void this.#mergeOne(e)}>
      <h3 id="compare-title">${t('compareTitle')}</h3>
      <fieldset>
        <legend>${t('keep')}</legend>
        ${pair.customers.map(
          (c) => html`<label class="choice"><input type="radio" name="keep" value=${c.id} .checked=${c.id === p.survivor.id} ?disabled=${this._busy}
              @change=${() => this.#compare(pair, c.id)} />${customerDisplayName(c)} (${c.document})</label>`,
        )}
      </fieldset>
      <p class="muted">${t('keepHint')} ${differing.length ? t('fieldsHint') : ''} ${t('sameFields')}</p>
      ${differing.map(
        (f) => html`<fieldset data-field=${f.field}>
          <legend>${fieldLabel(f.field, loc)}</legend>
          ${(['survivor', 'merged'] as const).map(
            (who) => html`<label class="choice"><input type="radio" name=${`f-${f.field}`} value=${who} .checked=${this._choices.get(f.field) === who}
                @change=${() => this.#choose(f.field, who)} />${this.#value(f.field, f[who])}</label>`,
          )}
        </fieldset>`,
      )}
      <h4 id="moves-title">${t('moves')}</h4>
      <dl aria-labelledby="moves-title">
        <dt>${t('movesOrders')}</dt><dd>${formatNumber(p.moves.orders, loc)}</dd>
        <dt>${t('movesCredits')}</dt><dd>${formatNumber(p.moves.credits, loc)}</dd>
        <dt>${t('movesConsent')}</dt><dd>${formatNumber(p.moves.consentRecords, loc)}</dd>
        <dt>${t('movesMessages')}</dt><dd>${formatNumber(p.moves.messages, loc)}</dd>
      </dl>
      <p>${t('after', { orders: formatNumber(p.after.ordersCount, loc), total: formatMoney(p.after.totalSpentCents, loc) })}</p>
      <div class="error" role="alert">${this._dialogError}</div>
      <div class="dialog-actions">
        <button type="button" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#compare')?.close()}>${t('cancel')}</button>
        <button type="submit" ?disabled=${this._busy}>${t('merge')}</button>
      </div>
    </form>`;
  }

  #bulkDialog() {
    const t = this.#t;
    const merges = this._bulk;
    if (!merges) return nothing;
    return html`<form novalidate @submit=${(e: Event) => void this.#mergeBulk(e)}>
      <h3 id="bulk-title">${t('bulkTitle')}</h3>
      <ul>
        ${merges.map((x) => html`<li>${t('bulkInto', { merged: customerDisplayName(x.merged), survivor: customerDisplayName(x.survivor) })}</li>`)}
      </ul>
      <div class="error" role="alert">${this._dialogError}</div>
      <div class="dialog-actions">
        <button type="button" @click=${() => this.renderRoot.querySelector<HTMLDialogElement>('#bulk')?.close()}>${t('cancel')}</button>
        <button type="submit" ?disabled=${this._busy}>${t('bulkConfirm', { n: formatNumber(merges.length, this.resolvedLocale) })}</button>
      </div>
    </form>`;
  }

  override render() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const items = this._items;
    const run = this.rebuild.state;
    const n = this._selected.size;
    return html`<h2 id="title">${t('title')}</h2>
      <p class="note" id="note">${t('note')}</p>
      <div class="toolbar">
        <button type="button" id="rescan" ?disabled=${this.rebuild.running} @click=${() => this.rebuild.start()}>${t('rescan')}</button>
        <button type="button" id="merge-selected" ?disabled=${n === 0 || this._busy} @click=${() => this.#openBulk()}>${t('mergeSelected', { n: formatNumber(n, loc) })}</button>
        ${n >= MERGE_MAX_PAIRS ? html`<span class="muted">${t('maxPairs', { n: MERGE_MAX_PAIRS })}</span>` : nothing}
      </div>
      ${run?.status === 'running'
        ? html`<label for="progress">${t('scanning', { done: formatNumber(run.processed, loc), total: formatNumber(run.total, loc) })}</label>
            <progress id="progress" max=${Math.max(run.total, 1)} .value=${run.processed}></progress>`
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
                    <td></td>
                    <th scope="col" colspan="2">${t('pair')}</th>
                    <th scope="col">${t('reasons')}</th>
                    <th scope="col">${t('score')}</th>
                    <th scope="col">${t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${items.map((p) => this.#row(p))}
                </tbody>
              </table>
            </div>`}
      ${this._next ? html`<button type="button" id="more" @click=${() => this.#more()}>${t('more')}</button>` : nothing}
      <dialog id="compare" part="dialog" aria-labelledby="compare-title" @close=${() => this.#closed()}>${this.#compareDialog()}</dialog>
      <dialog id="bulk" part="dialog" aria-labelledby="bulk-title" @close=${() => this.#closed()}>${this.#bulkDialog()}</dialog>`;
  }
}
