import type { Category, Locale, Unit } from '@clientela/core';
import { CUSTOMER_SOURCE_LABELS } from '@clientela/core/i18n';
import { CUSTOMER_SOURCES, CUSTOMER_STATUSES } from '@clientela/core/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { formatNumber, type Translate } from '../internal/localize.js';
import type { MessageKey } from './customer-table.messages.js';
import { safeColor } from './row.js';
import type { Counts } from './tab-counts.js';

export type Kind = '' | 'person' | 'company';
const KINDS: Kind[] = ['', 'person', 'company'];

/** What the toolbar shows: the query's filters, the categories to filter by, the layout. */
export interface ToolbarView {
  t: Translate<MessageKey>;
  /** The list layout (narrow): filters and exports fold into one menu, no column menu. */
  list: boolean;
  q: string;
  status: string;
  /** The source filter (one of core's sources, or empty for any). */
  source: string;
  locale: Locale;
  categoryIds: readonly string[];
  categories: Iterable<Category>;
  /** The unit whose figures the table shows ('' for all), and the units to choose from (no selector without any). */
  unit: string;
  units: readonly Unit[];
  /** Any filter set (the clear button shows). */
  filtered: boolean;
  menuOpen: boolean;
  /** The column menu, rendered by the table while it is open. */
  columnMenu: TemplateResult | typeof nothing;
}

/** What the toolbar's controls ask of the table. */
export interface ToolbarActions {
  /** Typing in the search (debounced by the table); `now` on Enter. */
  search(value: string, now: boolean): void;
  status(value: string): void;
  source(value: string): void;
  category(id: string, on: boolean): void;
  /** Shows the figures of one unit (its id), or of all ('') */
  unit(id: string): void;
  clear(): void;
  export(format: 'csv' | 'xlsx'): void;
  toggleColumns(): void;
}

/** A menu made of <details> closes on Escape, and the keyboard goes back to its summary. */
function closeDetailsOnEscape(e: KeyboardEvent): void {
  const details = e.currentTarget as HTMLDetailsElement;
  if (e.key !== 'Escape' || !details.open) return;
  e.preventDefault();
  e.stopPropagation();
  details.open = false;
  details.querySelector('summary')?.focus();
}

/**
 * Search, filters, export and columns. In the list layout (narrow screens) only the search stays
 * in view; the filters and exports fold into one "Filtros e ações" menu, and the column menu,
 * which configures the table layout only, is left out.
 */
export function renderToolbar(v: ToolbarView, on: ToolbarActions): TemplateResult {
  const { t } = v;
  const statuses = v.status ? v.status.split(',') : [];
  const search = html`<label class="search">
    <span class="visually-hidden">${t('search')}</span>
    <input
      id="search"
      part="search"
      type="search"
      .value=${v.q}
      placeholder=${t('searchPlaceholder')}
      autocomplete="off"
      @input=${(e: Event) => on.search((e.target as HTMLInputElement).value, false)}
      @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && on.search((e.target as HTMLInputElement).value, true)}
    />
  </label>`;
  const status = html`<label class="field">
    <span>${t('status')}</span>
    <select id="status" @change=${(e: Event) => on.status((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!statuses.length}>${t('statusAll')}</option>
      ${CUSTOMER_STATUSES.map((s) => html`<option value=${s} ?selected=${statuses.length === 1 && statuses[0] === s}>${t(s)}</option>`)}
    </select>
  </label>`;
  // "Origem": customers any of whose systems is this one (a point of sale, the online store…).
  const source = html`<label class="field">
    <span>${t('colSource')}</span>
    <select id="source" @change=${(e: Event) => on.source((e.target as HTMLSelectElement).value)}>
      <option value="" ?selected=${!v.source}>${t('sourceAll')}</option>
      ${CUSTOMER_SOURCES.map((s) => html`<option value=${s} ?selected=${v.source === s}>${CUSTOMER_SOURCE_LABELS[v.locale][s]}</option>`)}
    </select>
  </label>`;
  const unit = v.units.length
    ? html`<label class="field">
        <span>${t('unit')}</span>
        <select id="unit" @change=${(e: Event) => on.unit((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!v.unit}>${t('unitAll')}</option>
          ${v.units.map((u) => html`<option value=${u.id} ?selected=${v.unit === u.id}>${u.status === 'inactive' ? t('inactiveUnit', { name: u.name }) : u.name}</option>`)}
        </select>
      </label>`
    : nothing;
  const categoryChecks = [...v.categories].map(
    (c) => html`<label class="check">
      <input type="checkbox" .checked=${v.categoryIds.includes(c.id)} @change=${(e: Event) => on.category(c.id, (e.target as HTMLInputElement).checked)} />
      <span class="dot" style="--chip:${safeColor(c.color)}"></span>
      ${c.status === 'inactive' ? t('inactiveCategory', { name: c.name }) : c.name}
    </label>`,
  );
  const categoriesLabel = v.categoryIds.length ? t('categoriesCount', { n: v.categoryIds.length }) : t('categories');
  const clear = v.filtered ? html`<button type="button" class="link" @click=${() => on.clear()}>${t('clearFilters')}</button>` : nothing;
  const exports = html`<button type="button" id="export-csv" title=${t('exportHint')} @click=${() => on.export('csv')}>${t('exportCsv')}</button>
    <button type="button" id="export-xlsx" title=${t('exportHint')} @click=${() => on.export('xlsx')}>${t('exportXlsx')}</button>`;

  if (v.list) {
    return html`<div class="toolbar list" part="toolbar" role="search" aria-label=${t('toolbar')}>
      ${search}
      <details class="menu more" @keydown=${closeDetailsOnEscape}>
        <summary id="more-button">${t('actions')}${v.status || v.source || v.categoryIds.length ? html` <span class="dot-badge" aria-hidden="true"></span>` : nothing}</summary>
        <div class="popover more-panel" part="menu">
          ${status} ${source} ${unit}
          <fieldset class="categories-list">
            <legend>${categoriesLabel}</legend>
            ${categoryChecks}
          </fieldset>
          ${clear}
          <div class="more-actions">${exports}</div>
        </div>
      </details>
    </div>`;
  }
  return html`<div class="toolbar" part="toolbar" role="search" aria-label=${t('toolbar')}>
    ${search} ${status} ${source} ${unit}
    <details class="menu categories" @keydown=${closeDetailsOnEscape}>
      <summary>${categoriesLabel}</summary>
      <fieldset class="popover">
        <legend class="visually-hidden">${t('categories')}</legend>
        ${categoryChecks}
      </fieldset>
    </details>
    ${clear}
    <span class="spacer"></span>
    ${exports}
    <div class="menu">
      <button type="button" id="columns-button" aria-expanded=${v.menuOpen ? 'true' : 'false'} aria-controls="column-menu" @click=${() => on.toggleColumns()}>
        <span aria-hidden="true">⚙ </span>${t('columns')}
      </button>
      ${v.columnMenu}
    </div>
  </div>`;
}

/**
 * The all / person / company tabs with their counts (none while unknown), keyboard as the ARIA
 * tabs pattern: arrows, Home and End choose (and focus) a tab.
 */
export function renderTabs(v: { t: Translate<MessageKey>; locale: Locale; list: boolean; kind: Kind; counts: Counts }, choose: (kind: Kind, focus: boolean) => void): TemplateResult {
  const { t } = v;
  const n = (x: number | undefined) => (x === undefined ? '' : ` (${formatNumber(x, v.locale)})`);
  const labels: Record<Kind, string> = { '': t('kindAll') + n(v.counts.all), person: t('person') + n(v.counts.person), company: t('company') + n(v.counts.company) };
  const onKeydown = (e: KeyboardEvent): void => {
    const at = KINDS.indexOf(v.kind);
    const next = e.key === 'ArrowRight' ? (at + 1) % 3 : e.key === 'ArrowLeft' ? (at + 2) % 3 : e.key === 'Home' ? 0 : e.key === 'End' ? 2 : -1;
    if (next < 0) return;
    e.preventDefault();
    choose(KINDS[next]!, true);
  };
  return html`<div class="tabs ${v.list ? 'list' : ''}" part="tabs" role="tablist" aria-label=${t('kinds')} @keydown=${onKeydown}>
    ${KINDS.map(
      (kind) =>
        html`<button type="button" role="tab" data-kind=${kind} aria-selected=${v.kind === kind ? 'true' : 'false'} tabindex=${v.kind === kind ? 0 : -1} @click=${() => choose(kind, false)}>
          ${labels[kind]}
        </button>`,
    )}
  </div>`;
}
