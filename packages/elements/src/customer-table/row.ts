import type { Category, Customer, Locale } from '@clientela/core';
import { customerDisplayName, formatDocument, formatPercent, formatPhoneBR, initials, whatsappUrl } from '@clientela/core/format';
import { CUSTOMER_SOURCE_LABELS } from '@clientela/core/i18n';
import { benefitsOf, sourcesOf } from '@clientela/core/rules';
import { html, nothing, type TemplateResult } from 'lit';
import { formatDate, formatMoney, formatNumber, type Translate } from '../internal/localize.js';
import type { ColumnDef, ColumnKey } from './columns.js';
import type { Kind } from './toolbar.js';
import type { MessageKey } from './customer-table.messages.js';

/** What a row shows besides its customer: words, formats, revealed documents, categories, selection, focus. */
export interface RowView {
  t: Translate<MessageKey>;
  locale: Locale;
  /** Full documents revealed (by customer id); the others show masked. */
  revealed: ReadonlyMap<string, string>;
  categories: ReadonlyMap<string, Category>;
  selected(id: string): boolean;
  /** The cell's tabindex (one cell of the grid is in the tab order). */
  tabIndex(row: number, col: number, rowRendered: boolean): number;
}

/** The columns shown, the pinned ones' left offsets (px, index 0 the selection column) and how many are pinned. */
export interface RowLayout {
  cols: ColumnDef[];
  lefts: number[];
  pinnedCount: number;
}

const bone = html`<span class="bone"></span>`;

/** A category colour safe to put in a style attribute (data never reaches CSS unchecked). */
export const safeColor = (color: string | undefined): string => (color && /^#[0-9a-f]{6}$/i.test(color) ? color : '#6b7280');

/**
 * One template for loaded and loading rows, so a row that fills in (or is recycled for a far
 * jump) keeps its row and cell elements and only their contents change.
 */
export function renderRow(c: Customer | undefined, i: number, { cols, lefts, pinnedCount }: RowLayout, view: RowView): TemplateResult {
  const selected = !!c && view.selected(c.id);
  const name = c ? customerDisplayName(c) : '';
  return html`<div
    role="row"
    part="row"
    class="row ${c ? (selected ? 'selected' : '') : 'skeleton'}"
    aria-rowindex=${i + 2}
    aria-selected=${c ? (selected ? 'true' : 'false') : nothing}
    aria-busy=${c ? nothing : 'true'}
    data-r=${i}
    data-id=${c?.id ?? nothing}
  >
    <div role="gridcell" part="cell" class="cell pinned select" data-c="0" style="left:0" tabindex=${view.tabIndex(i, 0, true)}>
      ${c
        ? html`<input type="checkbox" tabindex="-1" aria-label=${view.t('selectRow', { name })} .checked=${selected} />`
        : html`<span class="visually-hidden">${view.t('loadingRow')}</span>`}
    </div>
    ${cols.map(
      (col, j) =>
        html`<div
          role="gridcell"
          part="cell"
          class="cell ${j < pinnedCount ? 'pinned' : ''} ${col.numeric ? 'num' : ''} ${j === pinnedCount - 1 ? 'pin-edge' : ''}"
          data-c=${j + 1}
          data-key=${col.key}
          style=${j < pinnedCount ? `left:${lefts[j + 1]}px` : ''}
          tabindex=${view.tabIndex(i, j + 1, true)}
        >${c ? renderCell(col.key, c, name, view) : bone}</div>`,
    )}
  </div>`;
}

export function renderCell(key: ColumnKey, c: Customer, name: string, view: RowView): TemplateResult | string {
const { t, locale: loc } = view;
  switch (key) {
    case 'name':
      return html`<span class="avatar" aria-hidden="true">${initials(name)}</span><span class="stack"><span class="name">${name}</span><span class="id">${c.id}<button type="button" class="icon-btn icon-copy" tabindex="-1" data-action="copy-id" aria-label=${t('copyId', { name })}></button></span></span>`;
    case 'document': {
      const full = view.revealed.get(c.id);
      return html`<span class="doc">${formatDocument(full ?? c.document, { masked: !full })}</span><button
          type="button"
          class="icon-btn icon-eye"
          tabindex="-1"
          data-action="reveal"
          aria-pressed=${full ? 'true' : 'false'}
          aria-label=${t(full ? 'hide' : 'reveal', { name })}
        ></button><button type="button" class="icon-btn icon-copy" tabindex="-1" data-action="copy-document" aria-label=${t('copyDocument', { name })}></button>`;
    }
    case 'email':
      return c.email ?? '';
    case 'phone':
      return c.phone
        ? html`<span>${formatPhoneBR(c.phone)}</span><button type="button" class="icon-btn icon-copy" tabindex="-1" data-action="copy-phone" aria-label=${t('copyPhone', { name })}></button>${c.whatsapp
              ? html`<a class="icon-btn icon-whatsapp" tabindex="-1" href=${whatsappUrl(c.phone)} target="_blank" rel="noopener noreferrer" aria-label=${t('whatsapp', { name })}></a>`
              : nothing}`
        : '';
    case 'categories':
      return html`${c.categoryIds.map((id) => {
        const cat = view.categories.get(id);
        if (!cat) return nothing;
        return html`<span class="chip ${cat.status === 'inactive' ? 'inactive' : ''}" style="--chip:${safeColor(cat.color)}">${cat.status === 'inactive' ? t('inactiveCategory', { name: cat.name }) : cat.name}</span>`;
      })}`;
    case 'createdAt':
      return formatDate(c.createdAt, loc);
    case 'lastPurchase':
      return formatDate(c.stats.lastPurchaseAt, loc);
    case 'orders':
      return formatNumber(c.stats.ordersCount, loc);
    case 'totalSpent':
      return formatMoney(c.stats.totalSpentCents, loc);
    case 'status':
      return html`<span class="badge ${c.status}">${t(c.status)}</span>`;
    case 'visits':
      return formatNumber(c.stats.visitsCount, loc);
    case 'firstVisit':
      return formatDate(c.stats.firstVisitAt, loc);
    case 'lastVisit':
      return formatDate(c.stats.lastVisitAt, loc);
    case 'discount': {
      // The discount that applies (the largest of the customer's own and their active categories'), as the storefront reads it.
      const applied = benefitsOf(c, [...view.categories.values()]).appliedFrom;
      if (!applied) return '';
      const percent = formatPercent(applied.discountPercent, loc);
      return applied.name ? `${percent} (${applied.name})` : percent;
    }
    case 'loyaltyCard':
      return c.loyaltyCard ?? '';
    case 'source':
      // Every system that knows the customer, the origin first (a point of sale and the online store).
      return sourcesOf(c).map((s) => CUSTOMER_SOURCE_LABELS[loc][s]).join(', ');
  }
}

/** What the header row shows: the sort, the kind (it names the columns), whether the loaded rows are selected. */
export interface HeaderView {
  t: Translate<MessageKey>;
  sort: string;
  kind: Kind;
  /** Every loaded row is selected / some row is. */
  allLoaded: boolean;
  any: boolean;
  tabIndex(col: number): number;
}

/** On the company tab the name is the razão social and the document a CNPJ; on the person tab, a CPF. */
function headerLabel(col: ColumnDef, kind: Kind): MessageKey {
  if (col.key === 'name' && kind === 'company') return 'colLegalName';
  if (col.key === 'document' && kind) return kind === 'company' ? 'colCnpj' : 'colCpf';
  return col.label;
}

/** The header row: the box that selects the loaded rows, and the column headers that sort (with `aria-sort`). */
export function renderHeader(
  { cols, lefts, pinnedCount }: RowLayout,
  v: HeaderView,
  on: { selectLoaded(on: boolean): void; sortBy(col: ColumnDef): void },
): TemplateResult {
  return html`<div role="row" aria-rowindex="1" part="header" class="row header" data-r="-1">
    <div role="columnheader" class="cell pinned select" data-c="0" style="left:0" tabindex=${v.tabIndex(0)}>
      <input
        type="checkbox"
        tabindex="-1"
        aria-label=${v.t('selectPage')}
        .checked=${v.allLoaded}
        .indeterminate=${!v.allLoaded && v.any}
        @click=${(e: Event) => {
          e.stopPropagation();
          on.selectLoaded((e.target as HTMLInputElement).checked);
        }}
      />
    </div>
    ${cols.map((col, i) => {
      const dir = v.sort === col.sort ? 'ascending' : col.sort && v.sort === `-${col.sort}` ? 'descending' : undefined;
      const pinned = i < pinnedCount;
      return html`<div
        role="columnheader"
        class="cell ${pinned ? 'pinned' : ''} ${col.sort ? 'sortable' : ''} ${col.numeric ? 'num' : ''} ${i === pinnedCount - 1 ? 'pin-edge' : ''}"
        data-c=${i + 1}
        data-key=${col.key}
        style=${pinned ? `left:${lefts[i + 1]}px` : ''}
        aria-sort=${dir ?? nothing}
        tabindex=${v.tabIndex(i + 1)}
        @click=${() => on.sortBy(col)}
      >
        <span class="label">${v.t(headerLabel(col, v.kind))}</span>
        ${col.sort ? html`<span class="arrow" aria-hidden="true">${dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>` : nothing}
      </div>`;
    })}
  </div>`;
}
