import { html, nothing, type TemplateResult } from 'lit';
import type { ListedRecord } from './record-list.controller.js';

/**
 * The list of a list screen: "loading" before the first answer, "empty" when there is no record,
 * else the table (`part="table"`), described by the screen's note (`describedBy`, an id).
 */
export function recordTable<T extends ListedRecord>(
  items: readonly T[] | undefined,
  words: { loading: string; empty: string },
  describedBy: string,
  headers: readonly string[],
  row: (item: T) => TemplateResult,
): TemplateResult {
  if (items === undefined) return html`<p>${words.loading}</p>`;
  if (items.length === 0) return html`<p>${words.empty}</p>`;
  return html`<div class="table-wrap"><table part="table" aria-describedby=${describedBy}>
    <thead>
      <tr>
        ${headers.map((h) => html`<th scope="col">${h}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${items.map(row)}
    </tbody>
  </table></div>`;
}

/**
 * A row's "Inactivate" / "Reactivate" button, naming the record to a screen reader; `set` writes
 * the other status and says `done` (`inactivated` or `reactivated`).
 */
export function statusToggle(
  record: ListedRecord,
  t: (key: 'inactivate' | 'reactivate') => string,
  busy: boolean,
  set: (status: 'active' | 'inactive', done: 'inactivated' | 'reactivated') => unknown,
): TemplateResult {
  const active = record.status === 'active';
  return html`<button type="button" data-status=${record.id} ?disabled=${busy} @click=${() => void set(active ? 'inactive' : 'active', active ? 'inactivated' : 'reactivated')}>
    ${active ? t('inactivate') : t('reactivate')}<span class="visually-hidden"> ${record.name}</span>
  </button>`;
}

/** The create form's required name field (`#new-name`), described by its error (`#new-error`). */
export function newNameField(label: string, error: string): TemplateResult {
  return html`<div class="field">
    <label for="new-name">${label}</label>
    <input type="text" id="new-name" name="name" required maxlength="60" aria-invalid=${error ? 'true' : 'false'} aria-describedby="new-error" />
  </div>`;
}

/** The words of a row's actions. */
type ActionKey = 'save' | 'cancel' | 'edit' | 'editing' | 'inactivate' | 'reactivate';

/**
 * A row's actions cell: Save / Cancel while the row is edited, else Edit (`data-edit`, focused
 * again when the edit ends), the screen's `extra` buttons and the status toggle.
 */
export function rowActions(
  record: ListedRecord,
  state: { editing: boolean; busy: boolean },
  t: (key: ActionKey, vars?: { name: string }) => string,
  on: {
    save: (event: Event) => unknown;
    cancel: () => unknown;
    edit: () => unknown;
    setStatus: (status: 'active' | 'inactive', done: 'inactivated' | 'reactivated') => unknown;
  },
  extra: TemplateResult | typeof nothing = nothing,
): TemplateResult {
  return html`<td>
    <div class="row-actions">
      ${state.editing
        ? html`<button type="button" class="primary" ?disabled=${state.busy} @click=${(e: Event) => void on.save(e)}>${t('save')}</button>
            <button type="button" @click=${() => void on.cancel()}>${t('cancel')}</button>`
        : html`<button type="button" data-edit=${record.id} aria-label=${t('editing', { name: record.name })} ?disabled=${state.busy} @click=${() => void on.edit()}>${t('edit')}</button>
            ${extra} ${statusToggle(record, t, state.busy, on.setStatus)}`}
    </div>
  </td>`;
}
