import type { Category, SettableStatus } from '@clientela/core';
import { SETTABLE_STATUSES } from '@clientela/core/rules';
import { html, nothing } from 'lit';
import { formatNumber } from '../internal/localize.js';
import { BulkActionEvent, partRequest } from './parts.events.js';
import { TablePart } from './table-part.js';

/**
 * @summary The table's bar of actions on the selection: how many are selected, select all
 * matching, clear, add to or remove from a category, change the status, delete. Part of
 * `<cl-customer-table>`, loaded after its first rows.
 *
 * @internal
 *
 * @event bulk-action - An action was chosen (`event.request`).
 * @event select-all-matching - "Selecionar todos os N clientes" was pressed.
 * @event clear-selection - "Limpar seleção" was pressed.
 * @event delete-request - "Excluir" was pressed (the table asks for confirmation).
 * @event message-request - "Enviar mensagem" was pressed (the table opens the composer).
 */
export class TableBulkBar extends TablePart {
  static override properties = {
    ...TablePart.properties,
    count: { type: Number },
    total: { type: Number },
    allMatching: { type: Boolean },
    selectedSize: { type: Number },
    excepted: { type: Number },
    categories: { attribute: false },
  };

  /** Rows selected. */
  declare count: number;
  /** Rows matching the query. */
  declare total: number;
  /** Whether every matching row is selected. */
  declare allMatching: boolean;
  /** Rows selected one by one (the offer to select all matching shows while fewer than `total`). */
  declare selectedSize: number;
  /** Rows unticked out of all matching. */
  declare excepted: number;
  /** Every category, active and inactive. */
  declare categories: Category[];

  constructor() {
    super();
    this.count = 0;
    this.total = 0;
    this.allMatching = false;
    this.selectedSize = 0;
    this.excepted = 0;
    this.categories = [];
  }

  #value(id: string): string {
    return this.querySelector<HTMLSelectElement>(`#${id}`)?.value ?? '';
  }

  #bulk(request: BulkActionEvent['request']): void {
    this.dispatchEvent(new BulkActionEvent(request));
  }

  /** Removing works for inactive categories too, so the select offers them (disabled for adding). */
  #remove(): void {
    const select = this.querySelector<HTMLSelectElement>('#bulk-category');
    const id = select?.selectedOptions[0]?.value || select?.options[0]?.value;
    if (id) this.#bulk({ action: 'removeCategories', categoryIds: [id] });
  }

  override render() {
    const t = this.t;
    // Automatic categories follow their rule: nobody adds or removes one by hand, so they are not offered.
    const all = this.categories.filter((c) => !c.rule);
    const active = all.filter((c) => c.status === 'active');
    const total = formatNumber(this.total, this.locale);
    return html`<div class="bulk" part="bulk-bar" role="region" aria-label=${t('bulk')}>
      <strong>${t('selected', { n: formatNumber(this.count, this.locale) })}</strong>
      ${this.allMatching && !this.excepted
        ? html`<span>${t('allMatchingSelected', { n: total })}</span>`
        : this.allMatching
          ? html`<span>${t('allMatchingExcept', { n: total, x: formatNumber(this.excepted, this.locale) })}</span>
              <button type="button" class="link" id="select-all-matching" @click=${() => this.dispatchEvent(partRequest('select-all-matching'))}>${t('selectAllMatching', { n: total })}</button>`
          : this.total > this.selectedSize
          ? html`<button type="button" class="link" id="select-all-matching" @click=${() => this.dispatchEvent(partRequest('select-all-matching'))}>${t('selectAllMatching', { n: total })}</button>`
          : nothing}
      <button type="button" class="link" @click=${() => this.dispatchEvent(partRequest('clear-selection'))}>${t('clearSelection')}</button>
      <span class="group">
        <label><span class="visually-hidden">${t('category')}</span>
          <select id="bulk-category">
            ${all.map((c) => html`<option value=${c.id} ?disabled=${c.status !== 'active'}>${c.status === 'active' ? c.name : t('inactiveCategory', { name: c.name })}</option>`)}
          </select>
        </label>
        <button type="button" id="bulk-add" ?disabled=${!active.length} @click=${() => this.#bulk({ action: 'addCategories', categoryIds: [this.#value('bulk-category')] })}>${t('addCategory')}</button>
        <button type="button" id="bulk-remove" ?disabled=${!all.length} @click=${() => this.#remove()}>${t('removeCategory')}</button>
      </span>
      <span class="group">
        <label><span class="visually-hidden">${t('newStatus')}</span>
          <select id="bulk-status">
            ${SETTABLE_STATUSES.map((s) => html`<option value=${s}>${t(s)}</option>`)}
          </select>
        </label>
        <button type="button" id="bulk-status-apply" @click=${() => this.#bulk({ action: 'setStatus', status: this.#value('bulk-status') as SettableStatus })}>${t('setStatus')}</button>
      </span>
      <button type="button" id="bulk-message" @click=${() => this.dispatchEvent(partRequest('message-request'))}>${t('sendMessage')}</button>
      <button type="button" class="danger" id="bulk-delete" @click=${() => this.dispatchEvent(partRequest('delete-request'))}>${t('delete')}</button>
    </div>`;
  }
}
