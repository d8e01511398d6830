import type { Category, DownloadStream, ExportColumn, ExportRequest, Locale, SettableStatus } from '@clientela/core';
import { SETTABLE_STATUSES } from '@clientela/core/schemas';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { saveBlob } from '../internal/download.js';
import { errorText } from '../internal/error-text.js';
import { formatNumber } from '../internal/localize.js';
import { MAX_PINNED, type ColumnDef, type ColumnKey, type ColumnLayout } from './columns.js';
import { messages, type ActionKey, type MessageKey } from './customer-table.messages.js';

/**
 * The parts of `<cl-customer-table>` nobody needs for the first rows (column menu, bulk bar,
 * delete dialog). They load with a dynamic import right after the first page, so the list paints
 * without them; the table hands them this view of itself.
 */
export interface ActionsHost {
  root: ShadowRoot;
  t: (key: MessageKey, values?: Record<string, string | number>) => string;
  locale: Locale;
  layout: ColumnLayout;
  menuColumns: ColumnDef[];
  setColumnVisible(key: ColumnKey, visible: boolean): void;
  setColumnPinned(key: ColumnKey, pin: boolean): void;
  moveColumn(key: ColumnKey, delta: -1 | 1): void;
  closeMenu(): void;
  count: number;
  total: number;
  allMatching: boolean;
  selectedSize: number;
  categories: Category[];
  selectAllMatching(): void;
  clearSelection(): void;
  bulk(action: 'addCategories' | 'removeCategories' | 'setStatus' | 'delete', extra?: { categoryIds?: string[]; status?: SettableStatus }): void;
  update(): void;
  /** Shows an action's progress or outcome in the notice bar (undefined clears it). */
  notify(notice: Notice | undefined): void;
  exportColumns: ExportColumn[];
  /** The selected ids (or "all matching" filter), or the whole filter when nothing is selected. */
  scope(): Pick<ExportRequest, 'ids' | 'filter'>;
  /** Rows the export will hold: the selection's count, or the filter's total. */
  expectedRows: number;
  stream(request: ExportRequest, signal: AbortSignal): Promise<DownloadStream>;
}

/** What the table's notice bar shows: an action running (with progress), or how it ended. */
export interface Notice {
  origin: 'bulk' | 'export';
  state: 'running' | 'done' | 'failed';
  text: string;
  /** Progress: rows done so far, out of `max` (no `value`: indeterminate). */
  value?: number;
  max?: number;
  retry?: () => void;
  cancel?: () => void;
}

/**
 * Counts the records in CSV text as it streams: line ends outside quoted cells (a quoted cell
 * may hold a line break). The header is the first record.
 */
export function csvRecordCounter(): (chunk: string) => number {
  let quoted = false;
  let records = 0;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 34) quoted = !quoted;
      else if (ch === 10 && !quoted) records++;
    }
    return records;
  };
}

/**
 * Exports the selection (or, with none, the whole filter) with the visible columns, then saves
 * the file. The body is read as it arrives, so a long CSV export shows its progress by rows
 * (the XLSX file is built whole by the server, so it shows progress without a count). A
 * failure says why, in the admin's words, with "Tentar novamente"; a cancel stops the download.
 */
export async function exportFile(h: ActionsHost, format: 'csv' | 'xlsx', again: () => void): Promise<void> {
  const { t, locale } = h;
  const abort = new AbortController();
  const max = h.expectedRows;
  const label = format === 'csv' ? t('exportCsv') : t('exportXlsx');
  const running = (value?: number) =>
    h.notify({
      origin: 'export',
      state: 'running',
      text: value === undefined ? t('exporting', { format: format.toUpperCase() }) : t('exportProgress', { n: formatNumber(Math.min(value, max), locale), total: formatNumber(max, locale) }),
      ...(value === undefined ? {} : { value: Math.min(value, max) }),
      max,
      cancel: () => abort.abort(),
    });
  running(format === 'csv' ? 0 : undefined);
  try {
    const { stream, filename, contentType } = await h.stream({ format, columns: h.exportColumns, ...h.scope() }, abort.signal);
    const chunks: Uint8Array[] = [];
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    const count = csvRecordCounter();
    let shown = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      if (format === 'csv') {
        const rows = Math.max(0, count(decoder.decode(value, { stream: true })) - 1);
        // A notice per few hundred rows is plenty: each one re-renders the bar.
        if (rows - shown >= 200 || rows >= max) running((shown = rows));
      }
    }
    saveBlob(new Blob(chunks as BlobPart[], { type: contentType }), filename);
    h.notify({ origin: 'export', state: 'done', text: t('exported', { name: filename }) });
  } catch (error) {
    if (abort.signal.aborted) h.notify({ origin: 'export', state: 'done', text: t('exportCancelled') });
    else h.notify({ origin: 'export', state: 'failed', text: `${t('exportFailed', { what: label })} ${errorText(error, locale)}`, retry: again });
  }
}

/** pt-BR strings only this module shows (en and es tables carry every key). */
const ptBR: Record<ActionKey, string> = {
  columnsMenu: 'Configurar colunas',
  pin: 'Fixar {name}',
  pinHint: 'Fixe até 5 colunas no início.',
  moveUp: 'Subir {name}',
  moveDown: 'Descer {name}',
  close: 'Fechar',
  selected: '{n} selecionados',
  selectAllMatching: 'Selecionar todos os {n} clientes',
  allMatchingSelected: 'Todos os {n} clientes estão selecionados.',
  clearSelection: 'Limpar seleção',
  bulk: 'Ações em massa',
  category: 'Categoria',
  addCategory: 'Adicionar à categoria',
  removeCategory: 'Remover da categoria',
  newStatus: 'Nova situação',
  setStatus: 'Alterar situação',
  delete: 'Excluir',
  deleteTitle: 'Excluir {n} clientes?',
  deleteText: 'Os clientes ficam com a situação "Excluído"; o histórico é mantido. Para confirmar, digite {word}.',
  deleteWord: 'EXCLUIR',
  confirmWord: 'Palavra de confirmação',
  cancel: 'Cancelar',
  exported: 'Arquivo {name} baixado',
  exporting: 'Gerando o arquivo {format}…',
  exportProgress: 'Exportando: {n} de {total} linhas',
  exportCancelled: 'Exportação cancelada.',
  exportFailed: 'Não foi possível concluir "{what}".',
};
Object.assign(messages['pt-BR'], ptBR);

/** This module's styles travel with it (rendered once, with the dialog), not in the first chunk. */
const styles = html`<style>
  .column-menu { right: 0; min-width: 20rem; }
  .column-menu ul { list-style: none; margin: 0 0 0.5rem; padding: 0; }
  .column-menu li { display: flex; align-items: center; gap: 0.25rem; }
  .column-menu li button { padding: 0; }
  .hint { margin: 0 0 0.5rem; color: var(--_muted); }
  .bulk { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; padding: 0.5rem 0.75rem; background: var(--_surface-alt); border-bottom: 1px solid var(--_border); }
  .bulk .group { display: inline-flex; flex-wrap: wrap; gap: 0.25rem; max-width: 100%; }
  .bulk .group select { max-width: 100%; }
  .icon-pin { --icon: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='black' stroke-width='2' stroke-linecap='round' stroke-linejoin='round'%3E%3Crect x='5' y='11' width='14' height='10' rx='2'/%3E%3Cpath d='M8 11V7a4 4 0 0 1 8 0v4'/%3E%3C/svg%3E"); }
  dialog { border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_surface); color: var(--_text); max-width: 28rem; }
  dialog h2 { font-size: 1.1rem; margin-top: 0; }
  dialog .actions { display: flex; justify-content: flex-end; gap: 0.5rem; margin-top: 1rem; }
</style>`;

const pick = (h: ActionsHost, selector: string): string => h.root.querySelector<HTMLSelectElement>(selector)?.value ?? '';

export function columnMenu(h: ActionsHost): TemplateResult {
  const { t } = h;
  const { hidden, pinned } = h.layout;
  const list = h.menuColumns;
  return html`<div
    id="column-menu"
    class="popover column-menu"
    part="column-menu"
    role="dialog"
    aria-label=${t('columnsMenu')}
    @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && h.closeMenu()}
  >
    <p class="hint">${t('pinHint')}</p>
    <ul>
      ${list.map((col, i) => {
        const name = t(col.label);
        const isPinned = pinned.includes(col.key);
        return html`<li data-key=${col.key}>
          <label class="check grow">
            <input type="checkbox" name="show" .checked=${live(isPinned || !hidden.includes(col.key))} ?disabled=${isPinned} @change=${(e: Event) => h.setColumnVisible(col.key, (e.target as HTMLInputElement).checked)} />
            ${name}
          </label>
          <label class="check pin" title=${t('pin', { name })}>
            <input
              type="checkbox"
              name="pin"
              aria-label=${t('pin', { name })}
              .checked=${live(isPinned)}
              ?disabled=${!isPinned && pinned.length >= MAX_PINNED}
              @change=${(e: Event) => h.setColumnPinned(col.key, (e.target as HTMLInputElement).checked)}
            />
            <span class="icon icon-pin" aria-hidden="true"></span>
          </label>
          <button type="button" name="up" aria-label=${t('moveUp', { name })} ?disabled=${i === 0} @click=${() => h.moveColumn(col.key, -1)}>↑</button>
          <button type="button" name="down" aria-label=${t('moveDown', { name })} ?disabled=${i === list.length - 1} @click=${() => h.moveColumn(col.key, 1)}>↓</button>
        </li>`;
      })}
    </ul>
    <button type="button" @click=${() => h.closeMenu()}>${t('close')}</button>
  </div>`;
}

export function bulkBar(h: ActionsHost): TemplateResult {
  const { t, locale } = h;
  const active = h.categories.filter((c) => c.status === 'active');
  const all = h.categories;
  const total = formatNumber(h.total, locale);
  // Removing works for inactive categories too, so the select offers them (disabled for adding).
  const remove = () => {
    const select = h.root.querySelector<HTMLSelectElement>('#bulk-category');
    const id = select?.selectedOptions[0]?.value || select?.options[0]?.value;
    if (id) h.bulk('removeCategories', { categoryIds: [id] });
  };
  const openDelete = () => {
    const dialog = h.root.querySelector<HTMLDialogElement>('dialog');
    const input = dialog?.querySelector('input');
    if (input) input.value = '';
    dialog?.showModal();
    h.update();
  };
  return html`<div class="bulk" part="bulk-bar" role="region" aria-label=${t('bulk')}>
    <strong>${t('selected', { n: formatNumber(h.count, locale) })}</strong>
    ${h.allMatching
      ? html`<span>${t('allMatchingSelected', { n: total })}</span>`
      : h.total > h.selectedSize
        ? html`<button type="button" class="link" id="select-all-matching" @click=${() => h.selectAllMatching()}>${t('selectAllMatching', { n: total })}</button>`
        : nothing}
    <button type="button" class="link" @click=${() => h.clearSelection()}>${t('clearSelection')}</button>
    <span class="group">
      <label><span class="visually-hidden">${t('category')}</span>
        <select id="bulk-category">
          ${all.map((c) => html`<option value=${c.id} ?disabled=${c.status !== 'active'}>${c.status === 'active' ? c.name : t('inactiveCategory', { name: c.name })}</option>`)}
        </select>
      </label>
      <button type="button" id="bulk-add" ?disabled=${!active.length} @click=${() => h.bulk('addCategories', { categoryIds: [pick(h, '#bulk-category')] })}>${t('addCategory')}</button>
      <button type="button" id="bulk-remove" ?disabled=${!all.length} @click=${remove}>${t('removeCategory')}</button>
    </span>
    <span class="group">
      <label><span class="visually-hidden">${t('newStatus')}</span>
        <select id="bulk-status">
          ${SETTABLE_STATUSES.map((s) => html`<option value=${s}>${t(s)}</option>`)}
        </select>
      </label>
      <button type="button" id="bulk-status-apply" @click=${() => h.bulk('setStatus', { status: pick(h, '#bulk-status') as SettableStatus })}>${t('setStatus')}</button>
    </span>
    <button type="button" class="danger" id="bulk-delete" @click=${openDelete}>${t('delete')}</button>
  </div>`;
}

/** The delete confirmation: the user types the word shown (EXCLUIR, DELETE, ELIMINAR). */
export function deleteDialog(h: ActionsHost): TemplateResult {
  const { t } = h;
  const word = t('deleteWord');
  const typed = () => h.root.querySelector<HTMLInputElement>('#confirm-word')?.value.trim().toLocaleUpperCase();
  const close = () => h.root.querySelector('dialog')?.close();
  const confirm = (e: Event) => {
    e.preventDefault();
    if (typed() !== word) return;
    close();
    h.bulk('delete');
  };
  return html`${styles}<dialog part="dialog" aria-labelledby="delete-title">
    <form @submit=${confirm}>
      <h2 id="delete-title">${t('deleteTitle', { n: formatNumber(h.count, h.locale) })}</h2>
      <p>${t('deleteText', { word })}</p>
      <label class="field">
        <span>${t('confirmWord')}</span>
        <input id="confirm-word" autocomplete="off" @input=${() => h.update()} />
      </label>
      <div class="actions">
        <button type="button" @click=${close}>${t('cancel')}</button>
        <button type="submit" class="danger" id="confirm-delete" ?disabled=${typed() !== word}>${t('delete')}</button>
      </div>
    </form>
  </dialog>`;
}
