import type { ClientChange, Unit } from '@clientela/core';
import { isApiError } from '@clientela/core/errors';
import { issueMessage } from '@clientela/core/i18n';
import { html, type PropertyValues } from 'lit';
import { errorText } from '../internal/error-text.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { RecordListController } from '../internal/record-list.controller.js';
import { newNameField, recordTable, rowActions } from '../internal/record-list.templates.js';
import { tokens } from '../internal/tokens.js';
import type { UnitManagerClient } from './unit-manager.client.js';
import { catalog } from './unit-manager.messages.js';
import { styles } from './unit-manager.styles.js';

/** A refusal's field messages (a name or a code already held, a bad code), else the general reason. */
function refusal(error: unknown, locale: Parameters<typeof errorText>[1]): string {
  const fields = isApiError(error) && error.status < 500 ? (error.problem.errors ?? []).map((e) => e.message) : [];
  return fields.length ? fields.join(' ') : errorText(error, locale);
}

/**
 * @summary The units (stores) of the business: list with name, code and status; create (a name,
 * optionally a code), rename, inactivate and reactivate. Units with orders are never deleted (the
 * UI says why), and every change is guarded by `If-Match`: a 412 reloads the list and says so.
 *
 * @event change - A unit was created or changed.
 *
 * @csspart table - The list.
 * @csspart create - The "new unit" form.
 * @cssproperty --cl-size-target - Height of inputs and buttons (44px).
 */
export class UnitManager extends ClientelaElement<UnitManagerClient> {
  protected override clientModule(): ClientModule<UnitManagerClient> {
    return import('./unit-manager.client.js');
  }

  static override styles = [tokens, formControls, styles];

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  /** The list, the row being edited, the busy flag and the status line; every write goes through it. */
  readonly #list = new RecordListController<Unit>(this, {
    list: () => this.api?.units.list(),
    done: (done, name) => this.#t(done as 'saved', { name }),
    stale: () => this.#t('stale'),
    refusal,
  });

  /** The units shown: active ones first, each group by name. */
  get units(): Unit[] {
    return this.#list.items ?? [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed)) void this.reload();
  }

  /** A unit created or changed elsewhere on the page through the same client. */
  protected override clientChanged(change: ClientChange): void {
    if (change.type === 'unit.created' || change.type === 'unit.updated' || change.type === 'unit.deleted') void this.reload();
  }

  /** Reads the list again from the server. */
  reload(): Promise<void> {
    return this.#list.reload();
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const nameInput = form.elements.namedItem('name') as HTMLInputElement;
    const name = nameInput.value.trim();
    const id = (form.elements.namedItem('code') as HTMLInputElement).value.trim();
    const l = this.#list;
    if (!name) {
      l.set({ createError: issueMessage('required', this.resolvedLocale) });
      nameInput.focus();
      return;
    }
    if (await l.create(() => this.api?.units.create({ name, ...(id ? { id } : {}) }))) form.reset();
    nameInput.focus();
  }

  /** Renames, inactivates or reactivates; If-Match carries the version read with the list. */
  #update(unit: Unit, patch: { name?: string; status?: 'active' | 'inactive' }, done: 'saved' | 'inactivated' | 'reactivated'): Promise<boolean> {
    return this.#list.update(() => this.api?.units.update({ id: unit.id, version: unit.version }, patch), done);
  }

  async #saveEdit(unit: Unit): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#edit-name');
    const name = input?.value.trim() ?? '';
    if (!name) {
      this.#list.set({ editError: issueMessage('required', this.resolvedLocale) });
      return;
    }
    if (name === unit.name) return this.#stopEdit(unit);
    if (await this.#update(unit, { name }, 'saved')) this.#stopEdit(unit);
  }

  #startEdit(unit: Unit): void {
    this.#list.startEdit(unit.id, '#edit-name');
  }

  #stopEdit(unit: Unit): void {
    this.#list.stopEdit(`[data-edit="${unit.id}"]`);
  }

  #row(u: Unit) {
    const t = this.#t;
    const l = this.#list;
    const editing = l.editing === u.id;
    return html`<tr class=${u.status}>
      <th scope="row">
        ${editing
          ? html`<input type="text" id="edit-name" aria-label=${t('name')} maxlength="60" .value=${u.name} aria-invalid=${l.editError ? 'true' : 'false'} aria-describedby="edit-error"
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') void this.#saveEdit(u);
                  if (e.key === 'Escape') this.#stopEdit(u);
                }} />
              <div class="error" id="edit-error" role="alert">${l.editError}</div>`
          : u.name}
      </th>
      <td><code>${u.id}</code></td>
      <td>${t(u.status)}</td>
      ${rowActions(u, { editing, busy: l.busy }, t, {
        save: () => this.#saveEdit(u),
        cancel: () => this.#stopEdit(u),
        edit: () => this.#startEdit(u),
        setStatus: (status, done) => this.#update(u, { status }, done),
      })}
    </tr>`;
  }

  override render() {
    const t = this.#t;
    const l = this.#list;
    return html`<h2>${t('title')}</h2>
      <p class="note" id="unit-note">${t('note')}</p>
      <form part="create" novalidate @submit=${(e: Event) => void this.#create(e)} aria-label=${t('newUnit')}>
        ${newNameField(t('name'), l.createError)}
        <div class="field">
          <label for="new-code">${t('code')}</label>
          <input type="text" id="new-code" name="code" maxlength="40" pattern="[A-Za-z0-9_]+" autocomplete="off" spellcheck="false" aria-describedby="code-hint" />
        </div>
        <button type="submit" class="primary" ?disabled=${l.busy}>${t('create')}</button>
        <p class="hint" id="code-hint">${t('codeHint')}</p>
        <div class="error" id="new-error" role="alert">${l.createError}</div>
      </form>
      <p class="status" role="status">${l.status}</p>
      ${recordTable(l.items, { loading: t('loading'), empty: t('empty') }, 'unit-note', [t('name'), t('code'), t('status'), t('actions')], (x) => this.#row(x))}`;
  }
}
