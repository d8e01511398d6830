import type { ClientChange, Unit } from '@clientela/core';
import { isApiError, isPreconditionFailedError } from '@clientela/core/errors';
import { issueMessage } from '@clientela/core/i18n';
import { html, nothing, type PropertyValues } from 'lit';
import { errorText } from '../internal/error-text.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
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
  static override properties = {
    ...ClientelaElement.properties,
    _items: { state: true },
    _editing: { state: true },
    _busy: { state: true },
    _createError: { state: true },
    _editError: { state: true },
    _status: { state: true },
  };

  declare private _items: Unit[] | undefined;
  declare private _editing: string | undefined;
  declare private _busy: boolean;
  declare private _createError: string;
  declare private _editError: string;
  declare private _status: string;

  constructor() {
    super();
    this._items = undefined;
    this._editing = undefined;
    this._busy = false;
    this._createError = '';
    this._editError = '';
    this._status = '';
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  /** The units shown: active ones first, each group by name. */
  get units(): Unit[] {
    return this._items ?? [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed)) void this.reload();
  }

  /** A unit created or changed elsewhere on the page through the same client. */
  protected override clientChanged(change: ClientChange): void {
    if (change.type === 'unit.created' || change.type === 'unit.updated' || change.type === 'unit.deleted') void this.reload();
  }

  #sorted(items: Unit[]): Unit[] {
    return items.sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, this.resolvedLocale) : a.status === 'active' ? -1 : 1));
  }

  /** Reads the list again from the server. */
  async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this._items = this.#sorted(await api.units.list());
    } catch (error) {
      this._status = errorText(error, this.resolvedLocale);
    }
  }

  #changed(text: string): void {
    this._status = text;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const nameInput = form.elements.namedItem('name') as HTMLInputElement;
    const name = nameInput.value.trim();
    const id = (form.elements.namedItem('code') as HTMLInputElement).value.trim();
    if (!name) {
      this._createError = issueMessage('required', this.resolvedLocale);
      nameInput.focus();
      return;
    }
    const api = this.api;
    if (!api) return;
    this._busy = true;
    try {
      const created = await api.units.create({ name, ...(id ? { id } : {}) });
      this._createError = '';
      form.reset();
      await this.reload();
      this.#changed(this.#t('created', { name: created.name }));
      nameInput.focus();
    } catch (error) {
      this._createError = refusal(error, this.resolvedLocale);
      nameInput.focus();
    } finally {
      this._busy = false;
    }
  }

  async #update(unit: Unit, patch: { name?: string; status?: 'active' | 'inactive' }, done: 'saved' | 'inactivated' | 'reactivated'): Promise<boolean> {
    const api = this.api;
    if (!api) return false;
    this._busy = true;
    try {
      // If-Match carries the version read with the list, so a change made meanwhile is not lost.
      const saved = await api.units.update({ id: unit.id, version: unit.version }, patch);
      await this.reload();
      this.#changed(this.#t(done, { name: saved.name }));
      return true;
    } catch (error) {
      if (isPreconditionFailedError(error)) {
        this._editing = undefined;
        await this.reload();
        this._status = this.#t('stale');
      } else if (this._editing) this._editError = refusal(error, this.resolvedLocale);
      else this._status = errorText(error, this.resolvedLocale);
      return false;
    } finally {
      this._busy = false;
    }
  }

  async #saveEdit(unit: Unit): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#edit-name');
    const name = input?.value.trim() ?? '';
    if (!name) {
      this._editError = issueMessage('required', this.resolvedLocale);
      return;
    }
    if (name === unit.name) return this.#stopEdit(unit);
    if (await this.#update(unit, { name }, 'saved')) this.#stopEdit(unit);
  }

  #startEdit(unit: Unit): void {
    this._editing = unit.id;
    this._editError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#edit-name')?.select());
  }

  #stopEdit(unit: Unit): void {
    this._editing = undefined;
    this._editError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLButtonElement>(`[data-edit="${unit.id}"]`)?.focus());
  }

  #row(u: Unit) {
    const t = this.#t;
    const editing = this._editing === u.id;
    return html`<tr class=${u.status}>
      <th scope="row">
        ${editing
          ? html`<input type="text" id="edit-name" aria-label=${t('name')} maxlength="60" .value=${u.name} aria-invalid=${this._editError ? 'true' : 'false'} aria-describedby="edit-error"
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') void this.#saveEdit(u);
                  if (e.key === 'Escape') this.#stopEdit(u);
                }} />
              <div class="error" id="edit-error" role="alert">${this._editError}</div>`
          : u.name}
      </th>
      <td><code>${u.id}</code></td>
      <td>${t(u.status)}</td>
      <td>
        <div class="row-actions">
          ${editing
            ? html`<button type="button" class="primary" ?disabled=${this._busy} @click=${() => void this.#saveEdit(u)}>${t('save')}</button>
                <button type="button" @click=${() => this.#stopEdit(u)}>${t('cancel')}</button>`
            : html`<button type="button" data-edit=${u.id} aria-label=${t('editing', { name: u.name })} ?disabled=${this._busy} @click=${() => this.#startEdit(u)}>${t('edit')}</button>
                <button type="button" data-status=${u.id} ?disabled=${this._busy}
                  @click=${() => void this.#update(u, { status: u.status === 'active' ? 'inactive' : 'active' }, u.status === 'active' ? 'inactivated' : 'reactivated')}>
                  ${u.status === 'active' ? t('inactivate') : t('reactivate')}<span class="visually-hidden"> ${u.name}</span>
                </button>`}
        </div>
      </td>
    </tr>`;
  }

  override render() {
    const t = this.#t;
    return html`<h2>${t('title')}</h2>
      <p class="note" id="unit-note">${t('note')}</p>
      <form part="create" novalidate @submit=${(e: Event) => void this.#create(e)} aria-label=${t('newUnit')}>
        <div class="field">
          <label for="new-name">${t('name')}</label>
          <input type="text" id="new-name" name="name" required maxlength="60" aria-invalid=${this._createError ? 'true' : 'false'} aria-describedby="new-error" />
        </div>
        <div class="field">
          <label for="new-code">${t('code')}</label>
          <input type="text" id="new-code" name="code" maxlength="40" pattern="[A-Za-z0-9_]+" autocomplete="off" spellcheck="false" aria-describedby="code-hint" />
        </div>
        <button type="submit" class="primary" ?disabled=${this._busy}>${t('create')}</button>
        <p class="hint" id="code-hint">${t('codeHint')}</p>
        <div class="error" id="new-error" role="alert">${this._createError}</div>
      </form>
      <p class="status" role="status">${this._status}</p>
      ${this._items === undefined
        ? html`<p>${t('loading')}</p>`
        : this._items.length === 0
          ? html`<p>${t('empty')}</p>`
          : html`<div class="table-wrap"><table part="table" aria-describedby="unit-note">
              <thead>
                <tr>
                  <th scope="col">${t('name')}</th>
                  <th scope="col">${t('code')}</th>
                  <th scope="col">${t('status')}</th>
                  <th scope="col">${t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this._items.map((u) => this.#row(u))}
              </tbody>
            </table></div>`}
      ${nothing}`;
  }
}
