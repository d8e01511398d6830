import type { CustomerMergePreview, DuplicatePair, MergeCategory, MergeField } from '@clientela/core';
import { addressLine, customerDisplayName, formatMoney, formatPercent, formatPhoneBR } from '@clientela/core/format';
import { fieldLabel } from '@clientela/core/i18n';
import { html, nothing, type PropertyValues } from 'lit';
import { formatDate, formatNumber } from '../internal/localize.js';
import { DuplicatesPart } from './duplicates-part.js';
import { defaultChoices, takeOf } from './merge-choices.js';
import { DialogCloseEvent, KeepChangeEvent, MergeConfirmEvent } from './parts.events.js';

/**
 * @summary The comparison of a pair ("Comparar e unir"): which record stays, and field by field
 * whose value it keeps (the survivor's unless it has none), what moves to it (orders, credits,
 * consent history, messages), each side's categories and the union the survivor gets, and its
 * figures after. Part of `<cl-duplicates>`, loaded on first use (or when the page is idle).
 *
 * @internal
 *
 * @event keep-change - The other record was chosen to stay (`survivorId`).
 * @event merge-confirm - "Unir" (`take`: the fields whose value comes from the other record).
 * @event dialog-close - The dialog closed.
 */
export class DuplicatesCompare extends DuplicatesPart {
  static override properties = { ...DuplicatesPart.properties, preview: { attribute: false }, pair: { attribute: false }, _choices: { state: true } };

  /** The server's preview of the merge as now chosen. */
  declare preview: CustomerMergePreview | undefined;
  /** The pair compared (both customers, for the choice of the one that stays). */
  declare pair: DuplicatePair | undefined;
  declare private _choices: Map<MergeField, 'survivor' | 'merged'>;

  constructor() {
    super();
    this._choices = new Map();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A new preview (another pair, or the other record chosen to stay) starts from its defaults;
    // a failed merge leaves the preview as it was, and with it every choice.
    if (changed.has('preview') && this.preview) this._choices = defaultChoices(this.preview);
  }

  /** The fields whose value comes from the other record, as chosen now. */
  get take(): MergeField[] {
    return takeOf(this._choices);
  }

  /** Opens the dialog (if closed) with the focus on the record that stays. */
  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.querySelector<HTMLInputElement>('input[name=keep]:checked')?.focus();
  }

  #value(field: MergeField, v: unknown): string {
    const loc = this.locale;
    if (v === undefined || v === null || v === '') return this.t('none');
    if (field === 'whatsapp') return v ? this.t('yes') : this.t('no');
    if (field === 'phone') return formatPhoneBR(String(v));
    if (field === 'birthDate') return formatDate(String(v), loc);
    if (field === 'discountPercent') return formatPercent(Number(v), loc);
    if (field === 'address') return addressLine(v as Parameters<typeof addressLine>[0]);
    return String(v);
  }

  #categories(key: 'catSurvivor' | 'catMerged' | 'catAfter' | 'catLeft', list: MergeCategory[], why = false) {
    const t = this.t;
    const names = list.map((c) => (!why ? c.name : c.automatic ? t('catAutomatic', { name: c.name }) : t('catInactive', { name: c.name })));
    return html`<dt>${t(key, { n: formatNumber(list.length, this.locale) })}</dt>
      <dd data-categories=${key}>${names.length ? names.join(', ') : t('catNone')}</dd>`;
  }

  #content() {
    const t = this.t;
    const p = this.preview;
    const pair = this.pair;
    if (!p || !pair) return nothing;
    const loc = this.locale;
    const differing = p.fields.filter((f) => f.differs);
    const cats = p.categories;
    return html`<form novalidate @submit=${(e: Event) => {
        e.preventDefault();
        this.dispatchEvent(new MergeConfirmEvent(this.take));
      }}>
      <h3 id="compare-title">${t('compareTitle')}</h3>
      <fieldset>
        <legend>${t('keep')}</legend>
        ${pair.customers.map(
          (c) => html`<label class="choice"><input type="radio" name="keep" value=${c.id} .checked=${c.id === p.survivor.id} ?disabled=${this.busy}
              @change=${() => this.dispatchEvent(new KeepChangeEvent(c.id))} />${customerDisplayName(c)} (${c.document})</label>`,
        )}
      </fieldset>
      <p class="muted">${t('keepHint')} ${differing.length ? t('fieldsHint') : ''} ${t('sameFields')}</p>
      ${differing.map(
        (f) => html`<fieldset data-field=${f.field}>
          <legend>${fieldLabel(f.field, loc)}</legend>
          ${(['survivor', 'merged'] as const).map(
            (who) => html`<label class="choice"><input type="radio" name=${`f-${f.field}`} value=${who} .checked=${this._choices.get(f.field) === who}
                @change=${() => (this._choices = new Map(this._choices).set(f.field, who))} />${this.#value(f.field, f[who])}</label>`,
          )}
        </fieldset>`,
      )}
      <h4 id="categories-title">${t('categories')}</h4>
      <p class="muted">${t('catHint')}</p>
      <dl aria-labelledby="categories-title">
        ${this.#categories('catSurvivor', cats.survivor)} ${this.#categories('catMerged', cats.merged)} ${this.#categories('catAfter', cats.after)}
        ${cats.left.length ? this.#categories('catLeft', cats.left, true) : nothing}
      </dl>
      <h4 id="moves-title">${t('moves')}</h4>
      <dl aria-labelledby="moves-title">
        <dt>${t('movesOrders')}</dt><dd>${formatNumber(p.moves.orders, loc)}</dd>
        <dt>${t('movesCredits')}</dt><dd>${formatNumber(p.moves.credits, loc)}</dd>
        <dt>${t('movesConsent')}</dt><dd>${formatNumber(p.moves.consentRecords, loc)}</dd>
        <dt>${t('movesMessages')}</dt><dd>${formatNumber(p.moves.messages, loc)}</dd>
      </dl>
      <p>${t('after', { orders: formatNumber(p.after.ordersCount, loc), total: formatMoney(p.after.totalSpentCents, loc) })}</p>
      <div class="error" role="alert">${this.error}</div>
      <div class="dialog-actions">
        <button type="button" @click=${() => this.close()}>${t('cancel')}</button>
        <button type="submit" ?disabled=${this.busy}>${t('merge')}</button>
      </div>
    </form>`;
  }

  override render() {
    return html`<dialog id="compare" part="dialog" aria-labelledby="compare-title" @close=${() => this.dispatchEvent(new DialogCloseEvent())}>${this.#content()}</dialog>`;
  }
}
