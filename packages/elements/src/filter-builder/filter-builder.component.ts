import type { Category, FilterCondition, FilterConditionType, FilterTerm, Unit, View } from '@clientela/core';
import { isValidationError } from '@clientela/core/errors';
import { cityKey } from '@clientela/core/format';
import { describeFilterCondition, describeFilterTerm, filterConditionLabels, type DescribeFilterOptions } from '@clientela/core/i18n';
import { encodeFilter, FILTER_MAX_ALTERNATIVES, parseFilter } from '@clientela/core/schemas';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ColumnLayout } from '../customer-table/columns.js';
import { ViewSelectEvent, type ResultsEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { FilterBuilderClient } from './filter-builder.client.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { formatNumber } from '../internal/localize.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { CONDITION_TYPES, conditionOf, draftOf, SHAPES, type ConditionDraft, type DraftError } from './condition-draft.js';
import type { renderConditionFields } from './condition-editor.js';
import { loadMessages, messages } from './filter-builder.messages.js';
import { styles } from './filter-builder.styles.js';
import { menuMove } from './menu-keys.js';
import { layoutOfView, viewColumns } from './view-layout.js';

/** What the builder drives when `for` names it: a `<cl-customer-table>`. */
interface ViewTarget extends HTMLElement {
  filter: string;
  sort: string;
  columnLayout: ColumnLayout;
  total: number;
}

/** The condition being edited: its place (`-1` for a new one), its type and the fields as typed. */
interface Editing {
  index: number;
  /** The alternative edited inside an OR group, or (with `addAlt`) none: a new alternative of term `index`. */
  alt?: number | undefined;
  addAlt?: boolean;
  type: FilterConditionType;
  draft: ConditionDraft;
  error: DraftError | undefined;
}

type Menu = 'add' | 'views' | 'alt' | undefined;

/** The editor's fields, loaded on the first edit. */
let editorModule: Promise<{ renderConditionFields: typeof renderConditionFields }> | undefined;
const loadEditor = () => (editorModule ??= import('./condition-editor.js'));

/**
 * @summary A filter builder for the customer list: each condition a chip in plain words ("Gastou
 * R$ 1.000,00 ou mais", "Sem compra há 90 dias", "UF: SP") that opens to edit, a menu to add one,
 * the number of customers that match, and saved views (built-in, the team's and your own) to
 * apply or to save the current one as. With `for` it drives a `<cl-customer-table>`: the table
 * lists what the filter matches, and a view applies its sort and columns there too.
 *
 * @event change - The filter changed (`value` holds its text).
 * @event cl-view-select - A saved view was applied; `detail.view`.
 *
 * @csspart base - The bar.
 * @csspart chips - The list of conditions.
 * @csspart chip - One condition.
 * @csspart add - The "Adicionar condição" button.
 * @csspart views - The views button.
 * @csspart menu - An open menu (conditions to add, views).
 * @csspart count - The number of matching customers.
 * @csspart dialog - The condition editor and the save-view dialog.
 * @csspart error - An error message.
 *
 * @cssproperty --cl-color-accent - Buttons and the focus of chips.
 * @cssproperty --cl-color-surface-alt - Chip background.
 *
 * Keyboard: Tab moves between chips, their remove buttons, the add and views buttons; a menu
 * opens with Enter, Space or ArrowDown and moves with the arrows, Home and End; Escape closes a
 * menu or dialog and returns focus to what opened it.
 */
export class FilterBuilder extends ClientelaElement<FilterBuilderClient> {
  protected override clientModule(): ClientModule<FilterBuilderClient> {
    return import('./filter-builder.client.js');
  }

  static override styles = [tokens, formControls, styles];
  static override properties = {
    ...ClientelaElement.properties,
    value: { type: String, reflect: true },
    for: { type: String, reflect: true },
    noViews: { type: Boolean, attribute: 'no-views' },
    count: { type: Number },
    views: { attribute: false },
    menu: { state: true },
    editing: { state: true },
    saving: { state: true },
    saveError: { state: true },
    viewsFailed: { state: true },
    currentViewId: { state: true },
    announcement: { state: true },
    categories: { state: true },
    units: { state: true },
  };

  /** The filter, in its text form (`last-notwithin-90.uf-SP`; see core's `encodeFilter`). */
  declare value: string;
  /** The id of a `<cl-customer-table>` in the same document or shadow root that this builder drives. */
  declare for: string | undefined;
  /** Without the saved views menu (a filter edited for something else: an automatic category's rule). */
  declare noViews: boolean;
  /** How many customers match (read from the table named by `for`, or set by the page). */
  declare count: number | undefined;
  /** The saved views this key and actor can use (built-in ones first). */
  declare views: View[];
  declare protected menu: Menu;
  declare protected editing: Editing | undefined;
  declare protected saving: boolean;
  declare protected saveError: string | undefined;
  declare protected viewsFailed: boolean;
  /** The view last applied or saved, while the filter is still its filter. */
  declare protected currentViewId: string | undefined;
  declare protected announcement: string;
  declare protected categories: Category[];
  /** The business's units, to name them in chips and offer them in the unit condition. */
  declare protected units: Unit[];

  readonly #l10n = new LocalizeController(this, { messages, loadMessages });
  #terms: FilterTerm[] = [];
  #target: ViewTarget | undefined;
  /** City names as typed here, by key, so a chip says "São Paulo" rather than "Sao Paulo". */
  #cityNames = new Map<string, string>();
  #editor: typeof renderConditionFields | undefined;
  /** What gets focus when a menu or dialog closes. */
  #returnFocus: string | undefined;
  /** The term whose "ou" menu is open (adds an alternative to it). */
  #altFor = -1;

  constructor() {
    super();
    this.value = '';
    this.views = [];
    this.noViews = false;
    this.saving = false;
    this.viewsFailed = false;
    this.announcement = '';
    this.categories = [];
    this.units = [];
  }

  get #t() {
    return this.#l10n.t;
  }

  /** The conditions of `value` (an unreadable value reads as no filter). */
  get terms(): FilterTerm[] {
    return this.#terms;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the page: find the table again (the first update does it on first connection).
    if (this.hasUpdated) this.#attach(this.#findTarget());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#attach(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) {
      const parsed = parseFilter(this.value ?? '');
      this.#terms = parsed.success ? parsed.data : [];
      const current = this.views.find((v) => v.id === this.currentViewId);
      if (current && current.filter !== this.value) this.currentViewId = undefined;
    }
    if (this.connectionChanged(changed)) {
      if (!this.noViews) void this.#loadViews();
      void this.#loadCategories();
      void this.#loadUnits();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('for') || !this.#target) this.#attach(this.#findTarget());
    if (changed.has('value') && this.#target && this.#target.filter !== this.value) this.#target.filter = this.value;
  }

  #findTarget(): ViewTarget | undefined {
    if (!this.for) return undefined;
    const root = this.getRootNode() as Document | ShadowRoot;
    return (root.getElementById?.(this.for) as ViewTarget | null) ?? undefined;
  }

  #onResults = (e: ResultsEvent) => {
    this.count = e.detail.total;
    // The table's own "Limpar filtros" clears its filter too: the chips follow.
    const target = this.#target;
    if (target && target.filter !== this.value) {
      this.value = target.filter;
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
  };

  #attach(target: ViewTarget | undefined): void {
    if (target === this.#target) return;
    this.#target?.removeEventListener('cl-results', this.#onResults);
    this.#target = target;
    if (!target) return;
    target.addEventListener('cl-results', this.#onResults);
    // A table given its filter by the page (an attribute) keeps it; otherwise the builder's applies.
    if (!this.value && target.filter) this.value = target.filter;
    else if (target.filter !== this.value) target.filter = this.value;
  }

  /** Reloads the saved views (after views were saved elsewhere). */
  async reloadViews(): Promise<void> {
    await this.#loadViews();
  }

  async #loadViews(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this.views = await api.views.list();
      this.viewsFailed = false;
    } catch {
      this.viewsFailed = true;
    }
  }

  async #loadCategories(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this.categories = await api.categories.list();
    } catch {
      // Without names a category chip shows its id; the table says when the API is down.
    }
  }

  async #loadUnits(): Promise<void> {
    try {
      const units = await this.api?.units.list();
      if (units) this.units = units;
    } catch {
      // Without names a unit chip shows its code, and the editor asks for codes.
    }
  }

  protected override clientChanged(change: Parameters<ClientelaElement<FilterBuilderClient>['clientChanged']>[0]): void {
    if (change.type === 'unit.created' || change.type === 'unit.updated' || change.type === 'unit.deleted') void this.#loadUnits();
    if (change.type === 'category.created' || change.type === 'category.updated') {
      this.categories = [...this.categories.filter((c) => c.id !== change.category.id), change.category];
    }
  }

  #describe = (): DescribeFilterOptions => ({
    categoryName: (id) => this.categories.find((c) => c.id === id)?.name,
    cityName: (key) => this.#cityNames.get(key),
    unitName: (id) => this.units.find((u) => u.id === id)?.name,
  });

  /** Sets the filter as the person changed it: the table follows, and `change` fires. */
  #commit(terms: FilterTerm[]): void {
    this.#terms = terms;
    this.value = encodeFilter(terms);
    // At once, not at the next update: a results event of the table's previous query must not
    // read the old filter as the table's own change.
    if (this.#target) this.#target.filter = this.value;
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  #focus(selector: string): void {
    void this.updateComplete.then(() => (this.renderRoot.querySelector(selector) as HTMLElement | null)?.focus());
  }

  // ---------------------------------------------------------------- menus

  #openMenu(menu: Exclude<Menu, undefined>): void {
    this.menu = menu;
    this.#focus(`#${menu}-menu [role^='menuitem']`);
  }

  #closeMenu(focusButton: boolean): void {
    const menu = this.menu;
    this.menu = undefined;
    if (focusButton && menu) this.#focus(menu === 'alt' ? `[data-chip='${this.#altFor}'] .chip-or` : `#${menu}-button`);
  }

  #onMenuButtonKey(e: KeyboardEvent, menu: Exclude<Menu, undefined>): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      this.#openMenu(menu);
    }
  }

  #onMenuKey(e: KeyboardEvent): void {
    const items = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>("[role^='menuitem']")];
    const index = items.indexOf(e.target as HTMLElement);
    if (e.key === 'Tab') {
      this.menu = undefined;
      return;
    }
    const move = menuMove(e.key, index, items.length);
    if (!move) return;
    e.preventDefault();
    if ('close' in move) this.#closeMenu(true);
    else items[move.focus]?.focus();
  }

  #onMenuFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Node | null;
    const wrap = e.currentTarget as HTMLElement;
    if (!next || !wrap.contains(next)) this.menu = undefined;
  }

  // ---------------------------------------------------------------- conditions

  async #edit(index: number, type: FilterConditionType, place: { alt?: number; addAlt?: boolean } = {}): Promise<void> {
    this.menu = undefined;
    const term = index >= 0 ? this.#terms[index] : undefined;
    const current = place.addAlt || !term ? undefined : 'or' in term ? term.or[place.alt ?? 0] : term;
    if (SHAPES[type] === 'none') {
      // Nothing to fill in ("Nunca comprou"): added at once.
      if (index < 0) {
        this.#commit([...this.#terms, { type } as FilterCondition]);
        this.#focus(`[data-chip='${this.#terms.length - 1}'] .chip-text`);
      } else if (place.addAlt) {
        this.#commit(this.#withAlternative(index, { type } as FilterCondition));
        this.#focus(`[data-chip='${index}'] .chip-text`);
      }
      return;
    }
    this.#returnFocus = place.addAlt ? `[data-chip='${index}'] .chip-or` : index >= 0 ? `[data-chip='${index}'] [data-alt='${place.alt ?? 0}']` : '#add-button';
    this.#editor ??= (await loadEditor()).renderConditionFields;
    this.editing = { index, alt: place.alt, addAlt: place.addAlt ?? false, type, draft: draftOf(type, current, this.#l10n.locale), error: undefined };
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#editor');
    if (dialog && !dialog.open) dialog.showModal();
    (dialog?.querySelector('input, select') as HTMLElement | null)?.focus();
  }

  #apply(e: Event): void {
    e.preventDefault();
    const editing = this.editing;
    if (!editing) return;
    const result = conditionOf(editing.type, editing.draft, this.#l10n.locale);
    if ('error' in result) {
      this.editing = { ...editing, error: result.error };
      void this.updateComplete.then(() => {
        const field = this.renderRoot.querySelector<HTMLElement>(`#editor [aria-invalid='true'] input, #editor input[aria-invalid='true']`);
        field?.focus();
      });
      return;
    }
    if (result.condition.type === 'city') {
      for (const name of editing.draft.cities.split(/[,;\n]/)) {
        const key = (result.condition.cities as string[]).find((k) => k === cityKey(name));
        if (key) this.#cityNames.set(key, name.trim());
      }
    }
    let terms = [...this.#terms];
    const index = editing.index >= 0 ? editing.index : terms.length;
    const term = terms[index];
    if (editing.addAlt) terms = this.#withAlternative(index, result.condition);
    else if (term && 'or' in term) terms[index] = { or: term.or.map((c, j) => (j === (editing.alt ?? 0) ? result.condition : c)) };
    else terms[index] = result.condition;
    const placed = terms[index]!;
    const alt = editing.addAlt && 'or' in placed ? placed.or.length - 1 : (editing.alt ?? 0);
    this.#closeEditor(`[data-chip='${index}'] [data-alt='${alt}']`);
    this.#commit(terms);
  }

  /** The terms with `condition` as one more alternative of term `index` (a condition becomes a group). */
  #withAlternative(index: number, condition: FilterCondition): FilterTerm[] {
    const terms = [...this.#terms];
    const term = terms[index]!;
    terms[index] = { or: [...('or' in term ? term.or : [term]), condition] };
    return terms;
  }

  #closeEditor(focus?: string): void {
    this.renderRoot.querySelector<HTMLDialogElement>('#editor')?.close();
    this.editing = undefined;
    const target = focus ?? this.#returnFocus;
    if (target) this.#focus(target);
  }

  #remove(index: number): void {
    const text = describeFilterTerm(this.#terms[index]!, this.#l10n.locale, this.#describe());
    const terms = this.#terms.filter((_, i) => i !== index);
    this.#commit(terms);
    this.announcement = text;
    this.#focus(terms.length ? `[data-chip='${Math.min(index, terms.length - 1)}'] .chip-text` : '#add-button');
  }

  #clear(): void {
    this.#commit([]);
    this.#focus('#add-button');
  }

  // ---------------------------------------------------------------- views

  #applyView(view: View): void {
    this.menu = undefined;
    this.currentViewId = view.id;
    const target = this.#target;
    if (target) {
      target.sort = view.sort ?? '';
      const layout = layoutOfView(view);
      if (layout) target.columnLayout = layout;
    }
    const parsed = parseFilter(view.filter);
    this.#commit(parsed.success ? parsed.data : []);
    this.dispatchEvent(new ViewSelectEvent({ view }));
    this.#focus('#views-button');
  }

  async #openSave(): Promise<void> {
    this.menu = undefined;
    this.saveError = undefined;
    this.#returnFocus = '#views-button';
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#save');
    const name = dialog?.querySelector<HTMLInputElement>('#view-name');
    if (name) name.value = this.#suggestedName();
    if (dialog && !dialog.open) dialog.showModal();
    name?.select();
  }

  /** The conditions in words, as a first name for a view ("Sem compra há 90 dias · UF: SP"). */
  #suggestedName(): string {
    const text = this.#terms.map((t) => describeFilterTerm(t, this.#l10n.locale, this.#describe())).join(' · ');
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  }

  async #save(e: Event): Promise<void> {
    e.preventDefault();
    const api = this.api;
    const form = e.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value;
    const shared = (form.elements.namedItem('shared') as HTMLInputElement).checked;
    if (!api || this.saving) return;
    const target = this.#target;
    this.saving = true;
    this.saveError = undefined;
    try {
      const view = await api.views.create({
        name,
        filter: this.value,
        shared,
        ...(target?.sort ? { sort: target.sort as View['sort'] } : {}),
        ...(target ? viewColumns(target.columnLayout) : {}),
      });
      this.views = [...this.views, view];
      this.currentViewId = view.id;
      this.announcement = this.#t('saved', { name: view.name });
      this.renderRoot.querySelector<HTMLDialogElement>('#save')?.close();
      this.#focus('#views-button');
    } catch (error) {
      this.saveError = isValidationError(error) ? Object.values(error.fieldErrors).flat()[0] ?? this.#t('failed') : this.#t('failed');
      this.#focus('#view-name');
    } finally {
      this.saving = false;
    }
  }

  async #deleteView(view: View): Promise<void> {
    this.menu = undefined;
    const api = this.api;
    if (!api) return;
    try {
      await api.views.delete(view);
      this.views = this.views.filter((v) => v.id !== view.id);
      this.currentViewId = undefined;
      this.announcement = this.#t('deleted', { name: view.name });
    } catch {
      this.announcement = this.#t('failed');
    }
    this.#focus('#views-button');
  }

  // ---------------------------------------------------------------- render

  protected override render(): TemplateResult {
    const t = this.#t;
    const locale = this.#l10n.locale;
    const describe = this.#describe();
    const current = this.views.find((v) => v.id === this.currentViewId);
    return html`
      <div part="base" role="group" aria-label=${t('label')}>
        ${this.noViews ? nothing : this.#renderViews(current)}
        <ul part="chips" class="chips" aria-label=${t('conditions')} ?hidden=${!this.#terms.length}>
          ${this.#terms.map((term, i) => {
            const text = describeFilterTerm(term, locale, describe);
            const alternatives = 'or' in term ? term.or : [term];
            const full = alternatives.length >= FILTER_MAX_ALTERNATIVES;
            const altOpen = this.menu === 'alt' && this.#altFor === i;
            return html`<li part="chip" class="chip" data-chip=${i}>
              ${alternatives.map((c, j) => {
                const part = describeFilterCondition(c, locale, describe);
                return html`${j ? html` <span class="or">${t('or')}</span> ` : nothing}<button
                    type="button"
                    class="chip-text"
                    data-alt=${j}
                    aria-haspopup="dialog"
                    aria-label=${t('edit', { text: part })}
                    @click=${() => this.#edit(i, c.type, { alt: j })}
                  >${part}</button
                  >`;
              })}
              <span class="menu-wrap" @focusout=${this.#onMenuFocusOut}>
                <button
                  type="button"
                  class="chip-or"
                  aria-label=${t('addAlternative', { text })}
                  aria-haspopup="menu"
                  aria-expanded=${altOpen ? 'true' : 'false'}
                  ?disabled=${full}
                  @click=${() => {
                    this.#altFor = i;
                    if (altOpen) this.#closeMenu(false);
                    else this.#openMenu('alt');
                  }}
                >
                  ${t('or')}
                </button>
                ${altOpen ? this.#renderTypeMenu('alt-menu', { label: t('addAlternative', { text }) }, (type) => this.#edit(i, type, { addAlt: true })) : nothing}
              </span>
              <button type="button" class="chip-remove" aria-label=${t('remove', { text })} @click=${() => this.#remove(i)}><span aria-hidden="true">×</span></button>
            </li>`;
          })}
        </ul>
        ${this.#renderAdd()}
        ${this.#terms.length ? html`<button type="button" class="link" id="clear" @click=${this.#clear}>${t('clear')}</button>` : nothing}
        <span part="count" class="count" role="status">${this.count === undefined ? '' : this.#countText(this.count)}</span>
      </div>
      ${this.#renderEditor()} ${this.#renderSave()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    `;
  }

  #countText(n: number): string {
    if (n === 0) return this.#t('count0');
    if (n === 1) return this.#t('count1');
    return this.#t('countN', { n: formatNumber(n, this.#l10n.locale) });
  }

  #renderAdd(): TemplateResult {
    const t = this.#t;
    return html`<div class="menu-wrap" @focusout=${this.#onMenuFocusOut}>
      ${this.#renderMenuButton(
        'add',
        html`<span aria-hidden="true">+ </span><span class="wide">${t('add')}</span><span class="narrow" aria-hidden="true">${t('addShort')}</span>`,
        t('add'),
      )}
      ${this.#renderTypeMenu('add-menu', { labelledBy: 'add-button' }, (type) => this.#edit(-1, type), this.menu !== 'add')}
    </div>`;
  }

  /** The button that opens the add menu or the views menu (`<menu>-button`, controlling `<menu>-menu`). */
  #renderMenuButton(menu: 'add' | 'views', content: TemplateResult, label?: string): TemplateResult {
    const open = this.menu === menu;
    return html`<button
      type="button"
      part=${menu}
      id="${menu}-button"
      aria-haspopup="menu"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="${menu}-menu"
      aria-label=${label ?? nothing}
      @click=${() => (open ? this.#closeMenu(false) : this.#openMenu(menu))}
      @keydown=${(e: KeyboardEvent) => this.#onMenuButtonKey(e, menu)}
    >${content}</button>`;
  }

  /** The kinds of condition as a menu: the add menu (named by its button) and an alternative's "ou" menu. */
  #renderTypeMenu(id: string, name: { label?: string; labelledBy?: string }, pick: (type: FilterConditionType) => void, hidden = false): TemplateResult {
    const labels = filterConditionLabels(this.#l10n.locale);
    return html`<div part="menu" id=${id} role="menu" aria-label=${name.label ?? nothing} aria-labelledby=${name.labelledBy ?? nothing} ?hidden=${hidden} @keydown=${this.#onMenuKey}>
      ${CONDITION_TYPES.map((type) => html`<button type="button" role="menuitem" tabindex="-1" data-type=${type} @click=${() => pick(type)}>${labels[type]}</button>`)}
    </div>`;
  }

  #renderViews(current: View | undefined): TemplateResult {
    const t = this.#t;
    const open = this.menu === 'views';
    const kind = (v: View) => (v.builtIn ? t('builtIn') : v.shared ? t('shared') : t('personal'));
    return html`<div class="menu-wrap" @focusout=${this.#onMenuFocusOut}>
      ${this.#renderMenuButton('views', html`${current ? t('viewsCurrent', { name: current.name }) : t('views')} <span aria-hidden="true">▾</span>`)}
      <div part="menu" id="views-menu" role="menu" aria-labelledby="views-button" ?hidden=${!open} @keydown=${this.#onMenuKey}>
        ${this.viewsFailed
          ? html`<button type="button" role="menuitem" tabindex="-1" @click=${() => void this.#loadViews()}>${t('viewsFailed')} ${t('retry')}</button>`
          : this.views.map(
              (v) => html`<button type="button" role="menuitemradio" tabindex="-1" aria-checked=${v.id === this.currentViewId ? 'true' : 'false'} data-view=${v.id} @click=${() => this.#applyView(v)}>
                <span>${v.name}</span> <span class="badge">${kind(v)}</span>
              </button>`,
            )}
        <div role="separator"></div>
        <button type="button" role="menuitem" tabindex="-1" id="save-view" @click=${() => void this.#openSave()}>${t('saveView')}</button>
        ${current && !current.builtIn
          ? html`<button type="button" role="menuitem" tabindex="-1" id="delete-view" @click=${() => void this.#deleteView(current)}>${t('deleteView', { name: current.name })}</button>`
          : nothing}
      </div>
    </div>`;
  }

  #renderEditor(): TemplateResult {
    const t = this.#t;
    const e = this.editing;
    const title = e ? filterConditionLabels(this.#l10n.locale)[e.type] : '';
    return html`<dialog part="dialog" id="editor" aria-labelledby="editor-title" @cancel=${(ev: Event) => (ev.preventDefault(), this.#closeEditor())}>
      ${e && this.#editor
        ? html`<form novalidate @submit=${this.#apply}>
            <h2 id="editor-title">${title}</h2>
            ${this.#editor({
              type: e.type,
              draft: e.draft,
              error: e.error,
              locale: this.#l10n.locale,
              t,
              categories: this.categories,
              units: this.units,
              change: (patch) => (this.editing = { ...e, draft: { ...e.draft, ...patch }, error: undefined }),
            })}
            <div class="actions">
              <button type="button" @click=${() => this.#closeEditor()}>${t('cancel')}</button>
              <button type="submit" class="primary">${t('apply')}</button>
            </div>
          </form>`
        : nothing}
    </dialog>`;
  }

  #renderSave(): TemplateResult {
    const t = this.#t;
    const close = () => {
      this.renderRoot.querySelector<HTMLDialogElement>('#save')?.close();
      this.#focus('#views-button');
    };
    return html`<dialog part="dialog" id="save" aria-labelledby="save-title" @cancel=${(ev: Event) => (ev.preventDefault(), close())}>
      <form novalidate @submit=${this.#save}>
        <h2 id="save-title">${t('saveTitle')}</h2>
        <div class="field">
          <label for="view-name">${t('viewName')}</label>
          <input id="view-name" name="name" maxlength="60" required aria-invalid=${this.saveError ? 'true' : 'false'} aria-describedby=${this.saveError ? 'save-error' : nothing} />
          ${this.saveError ? html`<span part="error" class="error" id="save-error">${this.saveError}</span>` : nothing}
        </div>
        <label class="check"><input type="checkbox" name="shared" id="view-shared" /> ${t('shareView')}</label>
        <div class="actions">
          <button type="button" @click=${close}>${t('cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.saving}>${this.saving ? t('saving') : t('save')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
