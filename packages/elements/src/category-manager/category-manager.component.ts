import type { Category, CategoryFigures, ClientChange } from '@clientela/core';
import { isPreconditionFailedError } from '@clientela/core/errors';
import { formatPercent } from '@clientela/core/format';
import { describeFilter, issueMessage } from '@clientela/core/i18n';
import { parseFilter } from '@clientela/core/schemas';
import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorText } from '../internal/error-text.js';
import { withCategory } from '../internal/categories.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CategoryManagerClient } from './category-manager.client.js';
import { formatMoney, formatNumber, formatTrend } from '../internal/localize.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './category-manager.messages.js';
import { styles } from './category-manager.styles.js';

const safeColor = (c: string) => (/^#[0-9a-f]{6}$/i.test(c) ? c : '#999999');

/** The filter builder, loaded when a rule is first edited (the list alone does not pay for it). */
let builderModule: Promise<unknown> | undefined;
const loadBuilder = () => (builderModule ??= import('../filter-builder/filter-builder.js'));

/** Whose rule is being edited: `new` (the create form) or a category's id. */
type RuleTarget = string | undefined;

/**
 * @summary The categories screen: list with colour, name, status, members and their figures
 * (total spent, average ticket, orders in the last 30 days and the trend against the 30 before,
 * from one request), the discount, and for an automatic category its rule in plain words; create
 * (optionally automatic, with a rule built in `<cl-filter-builder>`, and a discount), rename,
 * recolour, change the discount or the rule, inactivate and reactivate. Categories are never
 * deleted (the UI says why), and every change is guarded by `If-Match`: a 412 reloads the list
 * and says so.
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
    _figures: { state: true },
    _rule: { state: true },
    _ruleDraft: { state: true },
    _editing: { state: true },
    _busy: { state: true },
    _createError: { state: true },
    _editError: { state: true },
    _status: { state: true },
  };

  declare private _items: Category[] | undefined;
  /** Each category's figures; undefined while loading or when they could not be read. */
  declare private _figures: Map<string, CategoryFigures> | undefined;
  /** Whose rule the builder edits. */
  declare private _rule: RuleTarget;
  /** The rule being built (filter text). */
  declare private _ruleDraft: string;
  declare private _editing: string | undefined;
  declare private _busy: boolean;
  declare private _createError: string;
  declare private _editError: string;
  declare private _status: string;

  constructor() {
    super();
    this._items = undefined;
    this._figures = undefined;
    this._rule = undefined;
    this._ruleDraft = '';
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
    const figures = api.categories.figures().then(
      (f) => new Map(f.items.map((x) => [x.categoryId, x])),
      () => undefined,
    );
    try {
      const items = await api.categories.list();
      this._items = this.#sorted(items);
    } catch (error) {
      this._status = errorText(error, this.resolvedLocale);
    }
    // The figures are extra: without them the list still works, their cells say "—".
    this._figures = await figures;
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
    const discount = (form.elements.namedItem('discount') as HTMLInputElement).value;
    const automatic = this._rule === 'new';
    if (!name) {
      this._createError = issueMessage('required', this.resolvedLocale);
      (form.elements.namedItem('name') as HTMLInputElement).focus();
      return;
    }
    if (automatic && !this._ruleDraft) {
      this._createError = this.#t('ruleEmpty');
      return;
    }
    const api = this.api;
    if (!api) return;
    this._busy = true;
    try {
      const created = await api.categories.create({
        name,
        color,
        ...(discount !== '' ? { discountPercent: Number(discount) } : {}),
        ...(automatic ? { rule: this._ruleDraft } : {}),
      });
      this._createError = '';
      this._rule = undefined;
      this._ruleDraft = '';
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

  async #update(
    category: Category,
    patch: { name?: string; color?: string; status?: 'active' | 'inactive'; discountPercent?: number | null; rule?: string },
    done: string,
  ): Promise<boolean> {
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
      } else if (this._editing || this._rule) this._editError = errorText(error, this.resolvedLocale);
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
    const discount = row.querySelector<HTMLInputElement>('input[type=number]')!.value;
    if (!name) {
      this._editError = issueMessage('required', this.resolvedLocale);
      return;
    }
    const patch: { name?: string; color?: string; discountPercent?: number | null } = {};
    if (name !== category.name) patch.name = name;
    if (color.toLowerCase() !== category.color.toLowerCase()) patch.color = color;
    const nextDiscount = discount === '' ? undefined : Number(discount);
    if (nextDiscount !== category.discountPercent) patch.discountPercent = nextDiscount ?? null;
    if (!patch.name && !patch.color && patch.discountPercent === undefined) {
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

  /** Opens the rule builder for the create form (`new`) or a category. */
  async #openRule(target: string, rule: string): Promise<void> {
    await loadBuilder();
    this._rule = target;
    this._ruleDraft = rule;
    this._editError = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#rule-panel')?.focus();
  }

  #closeRule(focus?: string): void {
    this._rule = undefined;
    this._ruleDraft = '';
    this._editError = '';
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  async #saveRule(category: Category): Promise<void> {
    if (!this._ruleDraft) {
      this._editError = this.#t('ruleEmpty');
      return;
    }
    if (this._ruleDraft === category.rule) return this.#closeRule(`[data-rule="${category.id}"]`);
    if (await this.#update(category, { rule: this._ruleDraft }, 'saved')) this.#closeRule(`[data-rule="${category.id}"]`);
  }

  /** A rule in plain words, with the categories it reads by name. */
  #ruleText(rule: string): string {
    const parsed = parseFilter(rule);
    if (!parsed.success) return rule;
    const names = new Map((this._items ?? []).map((c) => [c.id, c.name]));
    return describeFilter(parsed.data, this.resolvedLocale, { categoryName: (id) => names.get(id) });
  }

  #figureCells(c: Category) {
    const f = this._figures?.get(c.id);
    const loc = this.resolvedLocale;
    const dash = html`<span aria-hidden="true">—</span><span class="visually-hidden">${this.#t('noFigure')}</span>`;
    if (!f) return html`<td class="num">${dash}</td><td class="num">${dash}</td><td class="num">${dash}</td><td class="num">${dash}</td>`;
    return html`<td class="num">${formatMoney(f.totalSpentCents, loc)}</td>
      <td class="num">${f.averageTicketCents === null ? dash : formatMoney(f.averageTicketCents, loc)}</td>
      <td class="num">${formatNumber(f.ordersLast30Days, loc)}</td>
      <td class="num trend ${f.trend === null ? '' : f.trend > 0 ? 'up' : f.trend < 0 ? 'down' : ''}"
        title=${this.#t('trendOf', { last: formatNumber(f.ordersLast30Days, loc), previous: formatNumber(f.ordersPrevious30Days, loc) })}>
        ${f.trend === null ? dash : formatTrend(f.trend, loc)}
      </td>`;
  }

  #row(c: Category) {
    const t = this.#t;
    const editing = this._editing === c.id;
    const loc = this.resolvedLocale;
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
          : html`${c.name}${c.rule ? html` <span class="badge">${t('automatic')}</span>` : nothing}`}
        ${c.rule ? html`<div class="rule">${t('ruleIs')} ${this.#ruleText(c.rule)}</div>` : nothing}
      </th>
      <td>${t(c.status)}</td>
      <td class="num">${formatNumber(this._figures?.get(c.id)?.members ?? c.customerCount, loc)}</td>
      ${this.#figureCells(c)}
      <td class="num">
        ${editing
          ? html`<input type="number" class="discount" min="0" max="100" step="0.5" aria-label=${t('discountOf', { name: c.name })} .value=${c.discountPercent === undefined ? '' : String(c.discountPercent)}
              @keydown=${(e: KeyboardEvent) => {
                if (e.key === 'Enter') void this.#saveEdit(e, c);
                if (e.key === 'Escape') this._editing = undefined;
              }} />`
          : c.discountPercent
            ? formatPercent(c.discountPercent, loc)
            : html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('noDiscount')}</span>`}
      </td>
      <td>
        <div class="row-actions">
          ${editing
            ? html`<button type="button" class="primary" ?disabled=${this._busy} @click=${(e: Event) => void this.#saveEdit(e, c)}>${t('save')}</button>
                <button type="button" @click=${() => (this._editing = undefined)}>${t('cancel')}</button>`
            : html`<button type="button" data-edit=${c.id} aria-label=${t('editing', { name: c.name })} ?disabled=${this._busy} @click=${() => this.#startEdit(c)}>${t('edit')}</button>
                ${c.rule
                  ? html`<button type="button" data-rule=${c.id} aria-label=${t('editRuleOf', { name: c.name })} ?disabled=${this._busy} @click=${() => void this.#openRule(c.id, c.rule!)}>${t('editRule')}</button>`
                  : nothing}
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
        <div class="field">
          <label for="new-discount">${t('discount')}</label>
          <input type="number" id="new-discount" name="discount" min="0" max="100" step="0.5" inputmode="decimal" />
        </div>
        <label class="check">
          <input type="checkbox" id="new-automatic" .checked=${this._rule === 'new'}
            @change=${(e: Event) => ((e.target as HTMLInputElement).checked ? void this.#openRule('new', '') : this.#closeRule())} />
          ${t('automaticNew')}
        </label>
        <button type="submit" class="primary" ?disabled=${this._busy}>${t('create')}</button>
        <div class="error" id="new-error" role="alert">${this._createError}</div>
        ${this._rule === 'new' ? this.#rulePanel(undefined) : nothing}
      </form>
      <p class="status" role="status">${this._status}</p>
      ${this._items === undefined
        ? html`<p>${t('loading')}</p>`
        : this._items.length === 0
          ? html`<p>${t('empty')}</p>`
          : html`<div class="table-wrap"><table part="table" aria-describedby="no-delete">
              <thead>
                <tr>
                  <th scope="col">${t('color')}</th>
                  <th scope="col">${t('name')}</th>
                  <th scope="col">${t('status')}</th>
                  <th scope="col">${t('customers')}</th>
                  <th scope="col">${t('totalSpent')}</th>
                  <th scope="col">${t('averageTicket')}</th>
                  <th scope="col">${t('orders30')}</th>
                  <th scope="col">${t('trend')}</th>
                  <th scope="col">${t('discount')}</th>
                  <th scope="col">${t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                ${this._items.map((c) => this.#row(c))}
              </tbody>
            </table></div>`}
      ${this._rule && this._rule !== 'new' ? this.#rulePanel(this._items?.find((c) => c.id === this._rule)) : nothing}`;
  }

  /** The rule editor: `<cl-filter-builder>` (its conditions as chips) and the rule in plain words. */
  #rulePanel(category: Category | undefined) {
    const t = this.#t;
    const heading = category ? t('ruleOf', { name: category.name }) : t('rule');
    return html`<section part="rule" class="rule-panel" id="rule-panel" tabindex="-1" aria-labelledby="rule-title">
      <h3 id="rule-title">${heading}</h3>
      <p class="note">${t('ruleHelp')}</p>
      <cl-filter-builder
        no-views
        .client=${this.client}
        api-base=${ifDefined(this.apiBase)}
        api-key=${ifDefined(this.apiKey)}
        locale=${this.resolvedLocale}
        .value=${this._ruleDraft}
        @change=${(e: Event) => {
          e.stopPropagation();
          this._ruleDraft = (e.target as HTMLElement & { value: string }).value;
        }}
      ></cl-filter-builder>
      <p class="rule-text" aria-live="polite">${this._ruleDraft ? html`${t('ruleIs')} ${this.#ruleText(this._ruleDraft)}` : t('ruleEmpty')}</p>
      ${category
        ? html`<div class="error" id="rule-error" role="alert">${this._editError}</div>
            <div class="row-actions">
              <button type="button" class="primary" ?disabled=${this._busy} @click=${() => void this.#saveRule(category)}>${t('saveRule')}</button>
              <button type="button" @click=${() => this.#closeRule(`[data-rule="${category.id}"]`)}>${t('cancel')}</button>
            </div>`
        : nothing}
    </section>`;
  }
}
