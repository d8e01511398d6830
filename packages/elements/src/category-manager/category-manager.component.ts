import type { Category, CategoryFigures, ClientChange } from '@clientela/core';
import { formatPercent } from '@clientela/core/format';
import { describeFilterText, issueMessage } from '@clientela/core/i18n';
import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { withCategory } from '../internal/categories.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CategoryManagerClient } from './category-manager.client.js';
import { formatMoney, formatNumber, formatTrend } from '../internal/localize.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { RecordListController } from '../internal/record-list.controller.js';
import { newNameField, recordTable, rowActions } from '../internal/record-list.templates.js';
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
    _figures: { state: true },
    _rule: { state: true },
    _ruleDraft: { state: true },
  };

  /** Each category's figures; undefined while loading or when they could not be read. */
  declare private _figures: Map<string, CategoryFigures> | undefined;
  /** Whose rule the builder edits. */
  declare private _rule: RuleTarget;
  /** The rule being built (filter text). */
  declare private _ruleDraft: string;

  constructor() {
    super();
    this._figures = undefined;
    this._rule = undefined;
    this._ruleDraft = '';
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  /** The list, the row being edited, the busy flag and the status line; every write goes through it. */
  readonly #list = new RecordListController<Category>(this, {
    list: () => this.api?.categories.list(),
    done: (done, name) => this.#t(done as 'saved', { name }),
    stale: () => this.#t('stale'),
  });

  /** The categories shown. */
  get categories(): Category[] {
    return this.#list.items ?? [];
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed)) void this.reload();
  }

  /** A category created or changed elsewhere on the page (the picker's "create"). */
  protected override clientChanged(change: ClientChange): void {
    const l = this.#list;
    if ((change.type === 'category.created' || change.type === 'category.updated') && l.items) l.set({ items: l.sorted(withCategory(l.items, change.category)) });
  }

  /** Reads the list again from the server, and the figures beside it. */
  async reload(): Promise<void> {
    const api = this.api;
    if (!api) return;
    const figures = api.categories.figures().then(
      (f) => new Map(f.items.map((x) => [x.categoryId, x])),
      () => undefined,
    );
    await this.#list.reload();
    // The figures are extra: without them the list still works, their cells say "—".
    this._figures = await figures;
  }

  async #create(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const name = (form.elements.namedItem('name') as HTMLInputElement).value.trim();
    const color = (form.elements.namedItem('color') as HTMLInputElement).value;
    const discount = (form.elements.namedItem('discount') as HTMLInputElement).value;
    const automatic = this._rule === 'new';
    const l = this.#list;
    if (!name) {
      l.set({ createError: issueMessage('required', this.resolvedLocale) });
      (form.elements.namedItem('name') as HTMLInputElement).focus();
      return;
    }
    if (automatic && !this._ruleDraft) {
      l.set({ createError: this.#t('ruleEmpty') });
      return;
    }
    const created = await l.create(() =>
      this.api?.categories.create({
        name,
        color,
        ...(discount !== '' ? { discountPercent: Number(discount) } : {}),
        ...(automatic ? { rule: this._ruleDraft } : {}),
      }),
    );
    if (created) {
      this._rule = undefined;
      this._ruleDraft = '';
      form.reset();
    } else (form.elements.namedItem('name') as HTMLInputElement).focus();
  }

  /** Writes a change; If-Match carries the version read with the list. A refusal shows in the row or the rule panel being edited. */
  #update(
    category: Category,
    patch: { name?: string; color?: string; status?: 'active' | 'inactive'; discountPercent?: number | null; rule?: string },
    done: string,
  ): Promise<boolean> {
    const inRow = this.#list.editing !== undefined || this._rule !== undefined;
    return this.#list.update(() => this.api?.categories.update({ id: category.id, version: category.version }, patch), done, inRow);
  }

  async #saveEdit(event: Event, category: Category): Promise<void> {
    event.preventDefault();
    const row = (event.target as HTMLElement).closest('tr')!;
    const name = row.querySelector<HTMLInputElement>('input[type=text]')!.value.trim();
    const color = row.querySelector<HTMLInputElement>('input[type=color]')!.value;
    const discount = row.querySelector<HTMLInputElement>('input[type=number]')!.value;
    const l = this.#list;
    if (!name) {
      l.set({ editError: issueMessage('required', this.resolvedLocale) });
      return;
    }
    const patch: { name?: string; color?: string; discountPercent?: number | null } = {};
    if (name !== category.name) patch.name = name;
    if (color.toLowerCase() !== category.color.toLowerCase()) patch.color = color;
    const nextDiscount = discount === '' ? undefined : Number(discount);
    if (nextDiscount !== category.discountPercent) patch.discountPercent = nextDiscount ?? null;
    if (!patch.name && !patch.color && patch.discountPercent === undefined) {
      l.set({ editing: undefined });
      return;
    }
    if (await this.#update(category, patch, 'saved')) l.stopEdit(`[data-edit="${category.id}"]`);
  }

  #startEdit(category: Category): void {
    this.#list.startEdit(category.id, '#edit-name');
  }

  /** Opens the rule builder for the create form (`new`) or a category. */
  async #openRule(target: string, rule: string): Promise<void> {
    await loadBuilder();
    this._rule = target;
    this._ruleDraft = rule;
    this.#list.set({ editError: '' });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#rule-panel')?.focus();
  }

  #closeRule(focus?: string): void {
    this._rule = undefined;
    this._ruleDraft = '';
    this.#list.set({ editError: '' });
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus)?.focus());
  }

  async #saveRule(category: Category): Promise<void> {
    if (!this._ruleDraft) {
      this.#list.set({ editError: this.#t('ruleEmpty') });
      return;
    }
    if (this._ruleDraft === category.rule) return this.#closeRule(`[data-rule="${category.id}"]`);
    if (await this.#update(category, { rule: this._ruleDraft }, 'saved')) this.#closeRule(`[data-rule="${category.id}"]`);
  }

  /** A rule in plain words, with the categories it reads by name (read without the schemas: no zod on this page). */
  #ruleText(rule: string): string {
    const names = new Map((this.#list.items ?? []).map((c) => [c.id, c.name]));
    return describeFilterText(rule, this.resolvedLocale, { categoryName: (id) => names.get(id) });
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
    const l = this.#list;
    const editing = l.editing === c.id;
    const loc = this.resolvedLocale;
    return html`<tr class=${c.status}>
      <td>
        ${editing
          ? html`<input type="color" aria-label=${t('colorOf', { name: c.name })} value=${safeColor(c.color)} />`
          : html`<span class="swatch" style="background:${safeColor(c.color)}" role="img" aria-label=${t('colorOf', { name: c.name }) + ': ' + c.color}></span>`}
      </td>
      <th scope="row">
        ${editing
          ? html`<input type="text" id="edit-name" aria-label=${t('name')} maxlength="60" value=${c.name} aria-invalid=${l.editError ? 'true' : 'false'} aria-describedby="edit-error"
                @keydown=${(e: KeyboardEvent) => {
                  if (e.key === 'Enter') void this.#saveEdit(e, c);
                  if (e.key === 'Escape') l.set({ editing: undefined });
                }} />
              <div class="error" id="edit-error" role="alert">${l.editError}</div>`
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
                if (e.key === 'Escape') l.set({ editing: undefined });
              }} />`
          : c.discountPercent
            ? formatPercent(c.discountPercent, loc)
            : html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('noDiscount')}</span>`}
      </td>
      ${rowActions(
        c,
        { editing, busy: l.busy },
        t,
        {
          save: (e) => this.#saveEdit(e, c),
          cancel: () => l.set({ editing: undefined }),
          edit: () => this.#startEdit(c),
          setStatus: (status, done) => this.#update(c, { status }, done),
        },
        c.rule
          ? html`<button type="button" data-rule=${c.id} aria-label=${t('editRuleOf', { name: c.name })} ?disabled=${l.busy} @click=${() => void this.#openRule(c.id, c.rule!)}>${t('editRule')}</button>`
          : nothing,
      )}
    </tr>`;
  }

  override render() {
    const t = this.#t;
    const l = this.#list;
    return html`<h2>${t('title')}</h2>
      <p class="note" id="no-delete">${t('noDelete')}</p>
      <form part="create" novalidate @submit=${(e: Event) => void this.#create(e)} aria-label=${t('newCategory')}>
        ${newNameField(t('name'), l.createError)}
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
        <button type="submit" class="primary" ?disabled=${l.busy}>${t('create')}</button>
        <div class="error" id="new-error" role="alert">${l.createError}</div>
        ${this._rule === 'new' ? this.#rulePanel(undefined) : nothing}
      </form>
      <p class="status" role="status">${l.status}</p>
      ${recordTable(l.items, { loading: t('loading'), empty: t('empty') }, 'no-delete', [t('color'), t('name'), t('status'), t('customers'), t('totalSpent'), t('averageTicket'), t('orders30'), t('trend'), t('discount'), t('actions')], (x) => this.#row(x))}
      ${this._rule && this._rule !== 'new' ? this.#rulePanel(l.items?.find((c) => c.id === this._rule)) : nothing}`;
  }

  /** The rule editor: `<cl-filter-builder>` (its conditions as chips) and the rule in plain words. */
  #rulePanel(category: Category | undefined) {
    const t = this.#t;
    const l = this.#list;
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
        ? html`<div class="error" id="rule-error" role="alert">${l.editError}</div>
            <div class="row-actions">
              <button type="button" class="primary" ?disabled=${l.busy} @click=${() => void this.#saveRule(category)}>${t('saveRule')}</button>
              <button type="button" @click=${() => this.#closeRule(`[data-rule="${category.id}"]`)}>${t('cancel')}</button>
            </div>`
        : nothing}
    </section>`;
  }
}
