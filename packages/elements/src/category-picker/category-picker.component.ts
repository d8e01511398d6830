import type { Category, ClientChange } from '@clientela/core';
import { searchKey } from '@clientela/core/format';
import { issueMessage } from '@clientela/core/i18n';
import { html, nothing, type PropertyValues } from 'lit';
import { errorText } from '../internal/error-text.js';
import { withCategory } from '../internal/categories.js';
import type { ClientModule } from '../internal/clientela-element.js';
import { FormAssociatedElement } from '../internal/form-associated.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { LocalizeController } from '../internal/localize.controller.js';
import type { PickerClient } from './category-picker.client.js';
import { catalog } from './category-picker.messages.js';
import { styles } from './category-picker.styles.js';

const CREATE = '\u0000create';
const idsFrom = (value: string | null): string[] => (value ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
const DEFAULT_COLOR = '#0b5cad';

/**
 * @summary A combobox of customer categories (ARIA 1.2 pattern): type to filter, single or
 * `multiple` (chips with remove buttons), optional inline creation. Only active categories are
 * offered; inactive ones already chosen stay visible, marked, and can be removed but not re-added.
 *
 * Form-associated: inside a `<form>`, FormData gets one `name` entry per chosen category id.
 *
 * @event change - The chosen categories changed (by the user).
 * @event input - Same as `change`, fired first.
 *
 * @csspart label - The visible label.
 * @csspart base - The box holding the chips and the text input.
 * @csspart chip - A chosen category (`chip inactive` when inactive).
 * @csspart input - The text input (the combobox).
 * @csspart listbox - The popup list.
 * @csspart option - One option.
 * @cssproperty --cl-color-border - Borders.
 * @cssproperty --cl-size-target - Option height (44px).
 */
export class CategoryPicker extends FormAssociatedElement<PickerClient> {
  static override styles = [tokens, formControls, styles];
  static override shadowRootOptions = { ...FormAssociatedElement.shadowRootOptions, delegatesFocus: true };
  static override properties = {
    ...FormAssociatedElement.properties,
    multiple: { type: Boolean, reflect: true },
    allowCreate: { type: Boolean, attribute: 'allow-create' },
    label: { type: String },
    value: { attribute: 'value', converter: { fromAttribute: idsFrom, toAttribute: (v: string[]) => v.join(',') } },
    categories: { attribute: false },
    _loaded: { state: true },
    _open: { state: true },
    _query: { state: true },
    _active: { state: true },
    _creating: { state: true },
    _createError: { state: true },
    _busy: { state: true },
    _announce: { state: true },
    _loadError: { state: true },
  };

  /** Several categories (chips) instead of one. */
  declare multiple: boolean;
  /** Offers "create category" for a typed name that matches none (needs a secret key). */
  declare allowCreate: boolean;
  /** The visible label (defaults to "Categorias"). */
  declare label: string;
  /** The chosen category ids. */
  declare value: string[];
  /** The categories to offer, instead of loading them with the client. */
  declare categories: Category[] | undefined;

  declare private _loaded: Category[];
  declare private _open: boolean;
  declare private _query: string;
  declare private _active: number;
  declare private _creating: boolean;
  declare private _createError: string;
  declare private _busy: boolean;
  declare private _announce: string;
  declare private _loadError: string;

  #defaultValue: string[] | undefined;

  constructor() {
    super();
    this.multiple = false;
    this.allowCreate = false;
    this.label = '';
    this.value = [];
    this.categories = undefined;
    this._loaded = [];
    this._open = false;
    this._query = '';
    this._active = -1;
    this._creating = false;
    this._createError = '';
    this._busy = false;
    this._announce = '';
    this._loadError = '';
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  get #all(): Category[] {
    return this.categories ?? this._loaded;
  }

  /** Active categories matching the typed text, plus the "create" entry when it applies. */
  get #options(): string[] {
    const q = searchKey(this._query.trim());
    // Automatic categories follow their rule: never offered, whether or not already chosen.
    const matches = this.#all.filter((c) => c.status === 'active' && !c.rule && (!q || searchKey(c.name).includes(q))).map((c) => c.id);
    const exact = this.#all.some((c) => searchKey(c.name) === q);
    if (this.allowCreate && q && !exact) matches.push(CREATE);
    return matches;
  }

  protected override clientModule(): ClientModule<PickerClient> {
    return import('./category-picker.client.js');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#defaultValue ??= [...this.value];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.categories && this.connectionChanged(changed)) void this.#load();
    if (changed.has('value') || changed.has('name') || changed.has('required')) this.#syncForm();
  }

  /** A category created, renamed or inactivated anywhere on the page (when the picker loads its own list). */
  protected override clientChanged(change: ClientChange): void {
    if ((change.type === 'category.created' || change.type === 'category.updated') && !this.categories) this._loaded = withCategory(this._loaded, change.category);
  }

  async #load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this._loaded = await api.categories.list();
      this._loadError = '';
    } catch {
      this._loadError = this.#t('loadFailed');
    }
  }

  #syncForm(): void {
    const data = new FormData();
    for (const id of this.value) data.append(this.name || 'categoryIds', id);
    this.internals.setFormValue(this.name ? data : null, this.value.join(','));
    const input = this.renderRoot?.querySelector?.('input[role=combobox]') as HTMLElement | null;
    if (this.required && this.value.length === 0) this.internals.setValidity({ valueMissing: true }, this.#t('required'), input ?? undefined);
    else this.internals.setValidity({});
  }

  override formResetCallback(): void {
    this.value = [...(this.#defaultValue ?? [])];
    this._query = '';
  }

  override formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = idsFrom(state);
  }

  /** Moves focus to the text input. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('input[role=combobox]')?.focus(options);
  }

  #commit(value: string[], announce: string): void {
    this.value = value;
    this._announce = announce;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  #choose(id: string): void {
    if (id === CREATE) {
      this._creating = true;
      this._open = false;
      this._createError = '';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#new-name')?.focus());
      return;
    }
    const cat = this.#all.find((c) => c.id === id);
    if (!cat) return;
    const t = this.#t;
    if (this.value.includes(id)) {
      if (this.multiple) this.#commit(this.value.filter((v) => v !== id), t('removed', { name: cat.name }));
    } else {
      this.#commit(this.multiple ? [...this.value, id] : [id], t('added', { name: cat.name }));
    }
    if (!this.multiple) this._open = false;
    this._query = '';
    // Keep the active option on the one just toggled, now that the filter is cleared.
    this._active = this.#options.indexOf(id);
  }

  #remove(id: string): void {
    const cat = this.#all.find((c) => c.id === id);
    this.#commit(
      this.value.filter((v) => v !== id),
      this.#t('removed', { name: cat?.name ?? id }),
    );
    this.focus();
  }

  #onKeydown = (event: KeyboardEvent) => {
    const options = this.#options;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this._open) {
          this._open = true;
          this._active = options.length ? 0 : -1;
        } else if (options.length) this._active = (this._active + 1) % options.length;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!this._open) this._open = true;
        if (options.length) this._active = this._active <= 0 ? options.length - 1 : this._active - 1;
        break;
      case 'Enter':
        if (this._open && this._active >= 0 && options[this._active]) {
          event.preventDefault();
          this.#choose(options[this._active]!);
        } else if (this._open) event.preventDefault();
        break;
      case 'Escape':
        if (this._open) {
          event.preventDefault();
          event.stopPropagation();
          this._open = false;
          this._active = -1;
        } else if (this._query) {
          event.preventDefault();
          this._query = '';
        }
        break;
      case 'Backspace':
        if (!this._query && this.value.length) {
          event.preventDefault();
          // The last chip a person may remove: automatic categories stay (their rule decides).
          const last = [...this.value].reverse().find((id) => !this.#all.find((c) => c.id === id)?.rule);
          if (last) this.#remove(last);
        }
        break;
      case 'Tab':
        this._open = false;
        break;
    }
  };

  #onInput = (event: Event) => {
    this._query = (event.target as HTMLInputElement).value;
    this._open = true;
    this._active = this.#options.length ? 0 : -1;
    this._announce = this.#t('results', { count: this.#options.filter((o) => o !== CREATE).length });
  };

  #onFocusOut = (event: FocusEvent) => {
    const to = event.relatedTarget as Node | null;
    if (!to || !this.renderRoot.contains(to)) this._open = false;
  };

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const root = this.renderRoot;
    const name = root.querySelector<HTMLInputElement>('#new-name')!.value.trim();
    const color = root.querySelector<HTMLInputElement>('#new-color')!.value;
    const t = this.#t;
    if (!name) {
      this._createError = issueMessage('required', this.resolvedLocale);
      return;
    }
    const api = this.api;
    if (!api) return;
    this._busy = true;
    try {
      const created = await api.categories.create({ name, color });
      this._loaded = [...this._loaded, created];
      if (this.categories) this.categories = [...this.categories, created];
      this._creating = false;
      this._createError = '';
      this._query = '';
      this.#commit(this.multiple ? [...this.value, created.id] : [created.id], t('added', { name: created.name }));
      await this.updateComplete;
      this.focus();
    } catch (error) {
      this._createError = errorText(error, this.resolvedLocale);
    } finally {
      this._busy = false;
    }
  }

  #cancelCreate = () => {
    this._creating = false;
    this._createError = '';
    void this.updateComplete.then(() => this.focus());
  };

  override render() {
    const t = this.#t;
    const label = this.label || t('label');
    const options = this.#options;
    const activeId = this._open && this._active >= 0 && options[this._active] ? `opt-${this._active}` : '';
    const chosen = this.value.map((id) => this.#all.find((c) => c.id === id) ?? { id, name: id, color: '#999999', status: 'active' as const });
    return html`
      <span class="label" id="label" part="label">${label}</span>
      <div part="base" @focusout=${this.#onFocusOut}>
        ${chosen.length
          ? html`<ul class="chips" aria-label=${t('selected')}>
              ${chosen.map(
                (c) => {
                  const automatic = 'rule' in c && Boolean(c.rule);
                  return html`<li
                    part="chip ${c.status === 'inactive' ? 'inactive' : ''} ${automatic ? 'automatic' : ''}"
                    class="${c.status === 'inactive' ? 'inactive' : ''} ${automatic ? 'automatic' : ''}"
                    title=${automatic ? t('automaticHint') : c.status === 'inactive' ? t('inactiveHint') : nothing}
                  >
                    <span class="swatch" style="background:${/^#[0-9a-f]{6}$/i.test(c.color) ? c.color : '#999999'}"></span>
                    <span>${c.name}${c.status === 'inactive' ? html` <em>(${t('inactive')})</em>` : nothing}${automatic ? html` <em>(${t('automatic')})</em>` : nothing}</span>
                    ${automatic
                      ? html`<span class="visually-hidden">${t('automaticHint')}</span>`
                      : html`<button type="button" aria-label=${t('remove', { name: c.name })} ?disabled=${this.disabled} @click=${() => this.#remove(c.id)}>✕</button>`}
                  </li>`;
                },
              )}
            </ul>`
          : nothing}
        <input
          part="input"
          id="input"
          type="text"
          role="combobox"
          autocomplete="off"
          aria-labelledby="label"
          aria-autocomplete="list"
          aria-expanded=${this._open ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${activeId || nothing}
          aria-required=${this.required ? 'true' : 'false'}
          ?disabled=${this.disabled}
          .value=${this._query}
          @input=${this.#onInput}
          @keydown=${this.#onKeydown}
          @click=${() => (this._open = !this._open)}
        />
      </div>
      <ul
        part="listbox"
        id="listbox"
        role="listbox"
        aria-labelledby="label"
        aria-multiselectable=${this.multiple ? 'true' : 'false'}
        ?hidden=${!this._open}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${options.length === 0 ? html`<li part="option" role="option" aria-disabled="true" aria-selected="false" id="opt-none">${t('none')}</li>` : nothing}
        ${options.map((id, i) => {
          if (id === CREATE) {
            return html`<li part="option" role="option" id="opt-${i}" aria-selected="false" class=${i === this._active ? 'active' : ''} @click=${() => this.#choose(CREATE)}>
              ${t('create', { name: this._query.trim() })}
            </li>`;
          }
          const c = this.#all.find((x) => x.id === id)!;
          return html`<li part="option" role="option" id="opt-${i}" aria-selected=${this.value.includes(id) ? 'true' : 'false'} class=${i === this._active ? 'active' : ''} @click=${() => this.#choose(id)}>
            <span class="swatch" style="background:${/^#[0-9a-f]{6}$/i.test(c.color) ? c.color : '#999999'}"></span>${c.name}
          </li>`;
        })}
      </ul>
      ${this._creating
        ? html`<div class="create" role="group" aria-labelledby="new-title">
            <strong id="new-title">${t('newCategory')}</strong>
            <div class="row">
              <div>
                <label for="new-name">${t('name')}</label>
                <input type="text" id="new-name" maxlength="60" .value=${this._query.trim()} aria-invalid=${this._createError ? 'true' : 'false'} aria-describedby="new-error"
                  @keydown=${(e: KeyboardEvent) => {
                    if (e.key === 'Enter') void this.#create(e);
                    if (e.key === 'Escape') this.#cancelCreate();
                  }} />
              </div>
              <div>
                <label for="new-color">${t('color')}</label>
                <input type="color" id="new-color" value=${DEFAULT_COLOR} />
              </div>
              <button type="button" class="primary" ?disabled=${this._busy} @click=${(e: Event) => void this.#create(e)}>${this._busy ? t('creating') : t('confirmCreate')}</button>
              <button type="button" @click=${this.#cancelCreate}>${t('cancel')}</button>
            </div>
            <span class="error" id="new-error" role="alert">${this._createError}</span>
          </div>`
        : nothing}
      ${this._loadError ? html`<span class="error" role="alert">${this._loadError}</span>` : nothing}
      <span class="visually-hidden" role="status">${this._announce}</span>
    `;
  }
}
