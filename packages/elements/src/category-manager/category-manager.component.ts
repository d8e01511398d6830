import type { Category, ClientChange } from '@clientela/core';
import { isPreconditionFailedError } from '@clientela/core/errors';
import { issueMessage } from '@clientela/core/i18n';
import { html, nothing, type PropertyValues } from 'lit';
import { errorText } from '../internal/error-text.js';
import { withCategory } from '../internal/categories.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CategoryManagerClient } from './category-manager.client.js';
import { formatNumber } from '../internal/localize.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './category-manager.messages.js';
import { styles } from './category-manager.styles.js';

const safeColor = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : '#999999');

/**
 * @summary The categories screen: list with colour, name, status and customer count; create,
 * rename, recolour, inactivate and reactivate. Categories are never deleted (the UI says why),
 * and every change is guarded by `If-Match`: a 412 reloads the list and says so.
 *
 * @event change - A category was created or changed.
 *
 * @csspart table - The list.
 * @csspart create - The "new category" form.
 * @cssproperty --cl-size-target - Height of inputs and buttons (44px).
 */
export class CategoryManager extends ClientelaElement<CategoryManagerClient> {
  protected override clientModule(): ClientModule<CategoryManagerClient> {
    return import('./category-manager.client.js');
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

  declare private _items: Category[] | undefined;
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

  /** The categories shown. */
  get categories(): Category[] {
    return this._items ?? [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed)) void this.reload();
  }

  /** A category created or changed elsewhere on the page (the picker's "create"). */
  protected override clientChanged(change: ClientChange): void {
    if ((change.type === 'category.created' || change.type === 'category.updated') && this._items) this._items = this.#sorted(withCategory(this._items, change.category));
  }

  #sorted(items: Category[]): Category[] {
    return items.sort((a, b) => (a.status === b.status ? a.name.localeCompare(b.name, this.resolvedLocale) : a.status === 'active' ? -1 : 1));
  }

  /** Reads the list again from the server. */
  async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      const items = await api.categories.list();
      this._items = this.#sorted(items);
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
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const color = (form.elements.namedItem('color') as HTMLInputElement).value;
    if (!name) {
      this._createError = issueMessage('required', this.resolvedLocale);
      (form.elements.namedItem('name') as HTMLInputElement).focus();
      return;
    }
    const api = this.api;
    if (!api) return;
    this._busy = true;
    try {
      const created = await api.categories.create({ name, color });
      this._createError = '';
      form.reset();
      await this.reload();
      this.#changed(this.#t('created', { name: created.name }));
    } catch (error) {
      this._createError = errorText(error, this.resolvedLocale);
      (form.elements.namedItem('name') as HTMLInputElement).focus();
    } finally {
      this._busy = false;
    }
  }

  async #update(category: Category, patch: { name?: string; color?: string; status?: 'active' | 'inactive' }, done: string): Promise<boolean> {
    const api = this.api;
    if (!api) return false;
    this._busy = true;
    try {
      // If-Match carries the version read with the list, so a change made meanwhile is not lost.
      const saved = await api.categories.update({ id: category.id, version: category.version }, patch);
      await this.reload();
      this.#changed(this.#t(done as 'saved', { name: saved.name }));
      return true;
    } catch (error) {
      if (isPreconditionFailedError(error)) {
        this._editing = undefined;
        await this.reload();
        this._status = this.#t('stale');
      } else if (this._editing) this._editError = errorText(error, this.resolvedLocale);
      else this._status = errorText(error, this.resolvedLocale);
      return false;
    } finally {
      this._busy = false;
    }
  }

  async #saveEdit(event: Event, category: Category): Promise<void> {
    event.preventDefault();
    const row = (event.target as HTMLElement).closest('tr')!;
    const name = row.querySelector<HTMLInputElement>('input[type=text]')!.value.trim();
    const color = row.querySelector<HTMLInputElement>('input[type=color]')!.value;
    if (!name) {
      this._editError = issueMessage('required', this.resolvedLocale);
      return;
    }
    const patch: { name?: string; color?: string } = {};
    if (name !== category.name) patch.name = name;
    if (color.toLowerCase() !== category.color.toLowerCase()) patch.color = color;
    if (!patch.name && !patch.color) {
      this._editing = undefined;
      return;
    }
    if (await this.#update(category, patch, 'saved')) {
      this._editing = undefined;
      this._editError = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLButtonElement>(`[data-edit="${category.id}"]`)?.focus();
    }
  }

  #startEdit(category: Category): void {
    this._editing = category.id;
    this._editError = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#edit-name`)?.select());
  }

  #row(c: Category) {
    const t = this.#t;
    const editing = this._editing === c.id;
    return html`<tr class=${c.status}>
      <td>
        ${editing
          ? html`<input type="color" aria-label=${t('colorOf', { name: c.name })} value=${safeColor(c.color)} />`
          : html`<span class="swatch" style="background:${safeColor(c.color)}" role="img" aria-label=${t('colorOf', { name: c.name }) + ': ' + c.color}></span>`}
      </td>
      <th scope="row">
        ${editing
          ? html`<input type="text" id="edit-name" aria-label=${t('name')} maxlength="60" value=${c.name} aria-invalid=${this._editError ? 'true' : 'false'} aria-describedby="edit-error"
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') void this.#saveEdit(e, c);
                  if (e.key === 'Escape') this._editing = undefined;
                }} />
              <div class="error" id="edit-error" role="alert">${this._editError}</div>`
          : c.name}
      </th>
      <td>${t(c.status)}</td>
      <td class="num">${formatNumber(c.customerCount, this.resolvedLocale)}</td>
      <td>
        <div class="row-actions">
          ${editing
            ? html`<button type="button" class="primary" ?disabled=${this._busy} @click=${(e: Event) => void this.#saveEdit(e, c)}>${t('save')}</button>
                <button type="button" @click=${() => (this._editing = undefined)}>${t('cancel')}</button>`
            : html`<button type="button" data-edit=${c.id} aria-label=${t('editing', { name: c.name })} ?disabled=${this._busy} @click=${() => this.#startEdit(c)}>${t('edit')}</button>
                <button type="button" ?disabled=${this._busy}
                  @click=${() => void this.#update(c, { status: c.status === 'active' ? 'inactive' : 'active' }, c.status === 'active' ? 'inactivated' : 'reactivated')}>
                  ${c.status === 'active' ? t('inactivate') : t('reactivate')}<span class="visually-hidden"> ${c.name}</span>
                </button>`}
        </div>
      </td>
    </tr>`;
  }

  override render() {
    const t = this.#t;
    return html`<h2>${t('title')}</h2>
      <p class="note" id="no-delete">${t('noDelete')}</p>
      <form part="create" novalidate @submit=${(e: Event) => void this.#create(e)} aria-label=${t('newCategory')}>
        <div class="field">
          <label for="new-name">${t('name')}</label>
          <input type="text" id="new-name" name="name" required maxlength="60" aria-invalid=${this._createError ? 'true' : 'false'} aria-describedby="new-error" />
        </div>
        <div class="field">
          <label for="new-color">${t('color')}</label>
          <input type="color" id="new-color" name="color" value="#0b5cad" />
        </div>
        <button type="submit" class="primary" ?disabled=${this._busy}>${t('create')}</button>
        <div class="error" id="new-error" role="alert">${this._createError}</div>
      </form>
      <p class="status" role="status">${this._status}</p>
      ${this._items === undefined
        ? html`<p>${t('loading')}</p>`
        : this._items.length === 0
          ? html`<p>${t('empty')}</p>`
          : html`<table part="table" aria-describedby="no-delete">
              <thead>
                <tr>
                  <th scope="col">${t('color')}</th>
                  <th scope="col">${t('name')}</th>
                  <th scope="col">${t('status')}</th>
                  <th scope="col">${t('customers')}</th>
                  <th scope="col">${t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this._items.map((c) => this.#row(c))}
              </tbody>
            </table>`}
      ${nothing}`;
  }
}
