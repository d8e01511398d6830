import type { ClientChange, CustomerMergePreview, DuplicatePair } from '@clientela/core';
import { customerDisplayName, formatPercent, formatPhoneBR } from '@clientela/core/format';
import { DUPLICATE_REASON_LABELS } from '@clientela/core/i18n';
import { MERGE_MAX_PAIRS } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { errorText } from '../internal/error-text.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { formatNumber } from '../internal/localize.js';
import { tokens } from '../internal/tokens.js';
import type { DuplicatesBulk } from './bulk-dialog.component.js';
import type { DuplicatesCompare } from './compare-dialog.component.js';
import type { DuplicatesClient } from './duplicates.client.js';
import { catalog } from './duplicates.messages.js';
import { styles } from './duplicates.styles.js';
import { PairList, pairKey } from './pair-list.js';
import type { KeepChangeEvent, MergeConfirmEvent } from './parts.events.js';
import { RebuildController } from './rebuild.controller.js';

type Listed = DuplicatePair['customers'][number];
type Parts = typeof import('./duplicates.parts.js');

/**
 * @summary "Possíveis duplicados": pairs of customers that may be one person, most likely first,
 * each with the reasons found and a 0–100 score. A pair is dismissed ("Ignorar") or compared
 * side by side ("Comparar e unir"): the admin picks the record that stays and, field by field,
 * whose value it keeps, sees what moves (orders, credits, consent history, messages), each
 * side's categories and the union the survivor gets, and the figures after, then merges. Several
 * pairs are merged in one call ("Unir selecionados"); "Procurar de novo" runs the full search on
 * the server and shows its progress. A failed merge keeps every choice made, and its retry is
 * the same request (the same idempotency key); a failed read offers "Tentar novamente".
 *
 * The list (pages, selection, dismissal, merging) is a DOM-free model (`pair-list.ts`); the two
 * dialogs are internal elements in a chunk of their own, fetched when a pair is opened and
 * preloaded when the page is idle after the first pairs.
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
    _message: { state: true },
    _opening: { state: true },
    _comparing: { state: true },
    _bulk: { state: true },
    _dialogError: { state: true },
  };

  /** Pairs read per page (1–200). */
  declare pageSize: number;
  declare private _message: string;
  /** A comparison is being read (its preview, and the dialog's chunk on first use). */
  declare private _opening: boolean;
  /** The pair compared and the server's preview of its merge as now chosen. */
  declare private _comparing: { pair: DuplicatePair; preview: CustomerMergePreview } | undefined;
  /** The merges "Unir selecionados" makes, while its confirmation is open. */
  declare private _bulk: { survivor: Listed; merged: Listed }[] | undefined;
  declare private _dialogError: string;

  readonly #l10n = new LocalizeController(this, catalog);
  readonly #list = new PairList(this, () => this.api?.duplicates);
  readonly rebuild = new RebuildController(
    this,
    { status: () => this.api?.duplicates.rebuildStatus(), start: () => this.api?.duplicates.rebuild() },
    () => {
      this._message = this.#t('scanDone');
      void this.reload();
    },
  );
  /** The dialogs' module, once loaded. */
  #parts: Parts | undefined;
  #loadingParts: Promise<Parts> | undefined;

  constructor() {
    super();
    this.pageSize = 20;
    this._message = '';
    this._opening = false;
    this._dialogError = '';
  }

  get #t() {
    return this.#l10n.t;
  }

  /** The pairs shown. */
  get pairs(): DuplicatePair[] {
    return this.#list.pairs;
  }

  get #busy(): boolean {
    return this.#list.busy || this._opening;
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.#list.pageSize = this.pageSize;
    if (this.connectionChanged(changed) || changed.has('pageSize')) {
      void this.reload();
      void this.rebuild.read();
    }
  }

  protected override clientChanged(change: ClientChange): void {
    // A customer changed elsewhere on the page: the pairs may have changed too (a merge here reads them itself).
    if (change.type.startsWith('customer.') && !this.#list.busy) void this.reload();
  }

  /** Reads the first page again (the selection keeps only pairs still listed). */
  async reload(): Promise<void> {
    const first = this.#list.items === undefined;
    await this.#list.reload();
    if (first && this.#list.items) this.#preloadParts();
  }

  /** The dialogs ahead of need: when the page is idle after the first pairs. */
  #preloadParts(): void {
    const load = () => void this.#loadParts().catch(() => undefined);
    if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 3000 });
    else setTimeout(load, 200);
  }

  /** Loads the dialogs (once; a failed load is tried again on the next use). */
  #loadParts(): Promise<Parts> {
    this.#loadingParts ??= import('./duplicates.parts.js').then(
      (parts) => {
        this.#parts = parts;
        this.requestUpdate();
        return parts;
      },
      (error: unknown) => {
        this.#loadingParts = undefined;
        throw error;
      },
    );
    return this.#loadingParts;
  }

  #changed(): void {
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  async #dismiss(p: DuplicatePair): Promise<void> {
    try {
      await this.#list.dismiss(p);
      this._message = this.#t('dismissed', { a: customerDisplayName(p.customers[0]), b: customerDisplayName(p.customers[1]) });
      this.#changed();
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    }
  }

  // ---- compare and merge one pair ----

  async #part<K extends 'cl-duplicates-compare' | 'cl-duplicates-bulk'>(tag: K): Promise<HTMLElementTagNameMap[K] | null> {
    await this.updateComplete;
    return this.renderRoot.querySelector(tag);
  }

  async #compare(p: DuplicatePair, survivorId?: string): Promise<void> {
    const api = this.api;
    // A second click while the first opens does nothing (the button is not disabled meanwhile:
    // a disabled button loses the focus, which the dialog gives back to it when it closes).
    if (!api || (this._opening && !survivorId)) return;
    this._opening = true;
    try {
      // The parts are usually here already (preloaded when idle); they hold the rule of which record stays by default.
      const parts = await this.#loadParts();
      const [s, m] = survivorId ? (p.customers[0].id === survivorId ? [p.customers[0], p.customers[1]] : [p.customers[1], p.customers[0]]) : parts.defaultSurvivor(...p.customers);
      const preview = await api.duplicates.previewMerge({ survivorId: s.id, mergedId: m.id });
      this._comparing = { pair: p, preview };
      this._dialogError = '';
      // Not busy any more before it opens: the choice of the record that stays takes the focus.
      this._opening = false;
      await (await this.#part('cl-duplicates-compare'))?.show();
    } catch (e) {
      if (this._comparing) this._dialogError = errorText(e, this.resolvedLocale);
      else this._message = errorText(e, this.resolvedLocale);
    } finally {
      this._opening = false;
    }
  }

  async #mergeOne(event: MergeConfirmEvent): Promise<void> {
    const preview = this._comparing?.preview;
    if (!preview) return;
    try {
      const take = event.take;
      await this.#list.merge([{ survivorId: preview.survivor.id, mergedId: preview.merged.id, ...(take.length ? { take } : {}) }]);
      (await this.#part('cl-duplicates-compare'))?.close();
      this._message = this.#t('merged', { name: customerDisplayName(preview.survivor) });
      this.#changed();
    } catch (e) {
      // The dialog stays open with every choice as it was: the admin can try again.
      this._dialogError = errorText(e, this.resolvedLocale);
    }
  }

  #closed(): void {
    this._comparing = undefined;
    this._bulk = undefined;
    this._dialogError = '';
  }

  // ---- merge many pairs in one call ----

  async #openBulk(): Promise<void> {
    try {
      const parts = await this.#loadParts();
      this._bulk = parts.groupMerges(this.#list.selectedPairs);
      this._dialogError = '';
      await (await this.#part('cl-duplicates-bulk'))?.show();
    } catch (e) {
      this._message = errorText(e, this.resolvedLocale);
    }
  }

  async #mergeBulk(): Promise<void> {
    const merges = this._bulk;
    if (!merges?.length) return;
    try {
      const result = await this.#list.merge(merges.map((x) => ({ survivorId: x.survivor.id, mergedId: x.merged.id })));
      (await this.#part('cl-duplicates-bulk'))?.close();
      this._message = this.#t('mergedMany', { n: formatNumber(result.items.length, this.resolvedLocale) });
      this.#changed();
    } catch (e) {
      this._dialogError = errorText(e, this.resolvedLocale);
    }
  }

  // ---- rendering ----

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
    const key = pairKey(p);
    const checked = this.#list.selected.has(key);
    return html`<tr part="row" data-pair=${key}>
      <td>
        <input type="checkbox" .checked=${checked} ?disabled=${!checked && this.#list.full} aria-label=${t('select', { a: customerDisplayName(a), b: customerDisplayName(b) })}
          @change=${(e: Event) => this.#list.toggle(p, (e.target as HTMLInputElement).checked)} />
      </td>
      <td>${this.#who(a)}</td>
      <td>${this.#who(b)}</td>
      <td>${this.#reasons(p)}</td>
      <td>${formatNumber(p.score, this.resolvedLocale)}</td>
      <td>
        <div class="row-actions">
          <button type="button" data-compare=${key} ?disabled=${this.#list.busy} @click=${() => this.#compare(p)}>${t('compare')}</button>
          <button type="button" data-dismiss=${key} ?disabled=${this.#busy} @click=${() => this.#dismiss(p)}>${t('dismiss')}</button>
        </div>
      </td>
    </tr>`;
  }

  #dialogs() {
    if (!this.#parts) return nothing;
    const loc = this.resolvedLocale;
    const busy = this.#busy;
    return html`<cl-duplicates-compare .locale=${loc} .busy=${busy} .error=${this._comparing ? this._dialogError : ''}
        .pair=${this._comparing?.pair} .preview=${this._comparing?.preview}
        @keep-change=${(e: KeepChangeEvent) => this._comparing && void this.#compare(this._comparing.pair, e.survivorId)}
        @merge-confirm=${(e: MergeConfirmEvent) => void this.#mergeOne(e)} @dialog-close=${() => this.#closed()}></cl-duplicates-compare>
      <cl-duplicates-bulk .locale=${loc} .busy=${busy} .error=${this._bulk ? this._dialogError : ''} .merges=${this._bulk}
        @bulk-confirm=${() => void this.#mergeBulk()} @dialog-close=${() => this.#closed()}></cl-duplicates-bulk>`;
  }

  override render() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const list = this.#list;
    const items = list.items;
    const run = this.rebuild.state;
    const n = list.selected.size;
    return html`<h2 id="title">${t('title')}</h2>
      <p class="note" id="note">${t('note')}</p>
      <div class="toolbar">
        <button type="button" id="rescan" ?disabled=${this.rebuild.running} @click=${() => this.rebuild.start()}>${t('rescan')}</button>
        <button type="button" id="merge-selected" ?disabled=${n === 0 || this.#busy} @click=${() => this.#openBulk()}>${t('mergeSelected', { n: formatNumber(n, loc) })}</button>
        ${list.full ? html`<span class="muted">${t('maxPairs', { n: MERGE_MAX_PAIRS })}</span>` : nothing}
      </div>
      ${run?.status === 'running'
        ? html`<label for="progress">${t('scanning', { done: formatNumber(run.processed, loc), total: formatNumber(run.total, loc) })}</label>
            <progress id="progress" max=${Math.max(run.total, 1)} .value=${run.processed}></progress>`
        : nothing}
      <p class="status" role="status">${this._message}</p>
      ${list.failed
        ? html`<div class="failed"><p class="error" role="alert">${errorText(list.failed.error, loc)}</p>
            <button type="button" id="retry" @click=${() => list.retry()}>${t('retry')}</button></div>`
        : nothing}
      ${items === undefined
        ? list.failed ? nothing : html`<p>${t('loading')}</p>`
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
      ${list.next ? html`<button type="button" id="more" @click=${() => list.more()}>${t('more')}</button>` : nothing}
      ${this.#dialogs()}`;
  }
}
