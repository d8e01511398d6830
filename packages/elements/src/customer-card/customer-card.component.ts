import type { Category, ClientChange, Credit, Customer, CustomerPatch, Device, Invitation, MessageRecipient, Order, SettableStatus, Unit } from '@clientela/core';
import { isApiError, isNotFoundError, isPreconditionFailedError } from '@clientela/core/errors';
import { customerDisplayName, formatCep, formatDocument, formatPercent, formatPhoneBR, initials, normalizeDocument, whatsappUrl } from '@clientela/core/format';
import { CUSTOMER_SOURCE_LABELS } from '@clientela/core/i18n';
import { benefitsOf, SETTABLE_STATUSES, sourcesOf } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import './consent-history.js';
import { live } from 'lit/directives/live.js';
import { CustomerEditEvent, CustomerSavedEvent } from '../events/events.js';
import { errorText } from '../internal/error-text.js';
import { withCategory } from '../internal/categories.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CustomerCardClient } from './customer-card.client.js';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../internal/localize.js';
import { dataTable } from '../internal/data-table.styles.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import '../category-picker/category-picker.js';
import type { CategoryPicker } from '../category-picker/category-picker.component.js';
import type { Translate } from '../internal/localize.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog, type Key } from './customer-card.messages.js';
import { styles } from './customer-card.styles.js';

type T = Translate<Key>;

/** Messages read per page in the card. */
const MESSAGES_PAGE = 10;

/**
 * @summary One customer's page: header, contact with an audited document reveal, address,
 * stats, orders (cursor pages, with ratings), credits with expiry, marketing consent, loyalty
 * card, notes and actions (edit, change status, block, create an access link).
 *
 * The record is read masked (`customers.retrieve(id, { document: 'masked' })`), so opening a card
 * writes nothing to the data log; "show document" and "copy document" read the full record, so
 * each deliberate reveal is its own entry in the log.
 *
 * @event cl-customer-edit - "Edit" was chosen; the page opens its form for `detail.id`.
 * @event cl-customer-saved - The status was changed from the card; `detail.customer`.
 *
 * @csspart base - The card.
 * @csspart header - Avatar, name, status, categories.
 * @csspart avatar - The initials avatar.
 * @csspart status - The status badge.
 * @csspart section - Each section (contact, address, stats, orders, credits…).
 * @csspart actions - The action bar.
 * @csspart link - The access link field.
 *
 * @cssproperty --cl-color-accent - Buttons and the avatar.
 */
export class CustomerCard extends ClientelaElement<CustomerCardClient> {
  protected override clientModule(): ClientModule<CustomerCardClient> {
    return import('./customer-card.client.js');
  }

  static override styles = [tokens, dataTable, formControls, styles];
  static override properties = {
    ...ClientelaElement.properties,
    customerId: { type: String, attribute: 'customer-id', reflect: true },
    inviteUrl: { type: String, attribute: 'invite-url' },
    ordersPageSize: { type: Number, attribute: 'orders-page-size' },
    customer: { attribute: false },
    loadState: { state: true },
    categories: { state: true },
    units: { state: true },
    orders: { state: true },
    ordersCursor: { state: true },
    credits: { state: true },
    messages: { state: true },
    messagesCursor: { state: true },
    devices: { state: true },
    revealed: { state: true },
    invitation: { state: true },
    message: { state: true },
    busy: { state: true },
    copied: { state: true },
  };

  /** The customer to show. */
  declare customerId: string;
  /**
   * The storefront's account page (e.g. `https://loja.example/conta`); the access link is this
   * URL with `?token=`. Without it the server's invitation URL is used.
   */
  declare inviteUrl: string;
  /** Orders per page (default 5). */
  declare ordersPageSize: number;
  /** The record shown (read-only from outside; set by loading). */
  declare customer: Customer | undefined;
  declare protected loadState: 'idle' | 'loading' | 'ready' | 'error' | 'not-found';
  declare protected categories: Category[];
  /** The business's units, for the names of the units orders were placed at. */
  declare protected units: Unit[];
  declare protected orders: Order[];
  declare protected ordersCursor: string | null;
  declare protected credits: Credit[];
  /** The messages the customer was sent (or skipped for), oldest first; `undefined` when they could not be read. */
  declare protected messages: MessageRecipient[] | undefined;
  declare protected messagesCursor: string | null;
  /** The customer's push devices (undefined: not read). */
  declare protected devices: Device[] | undefined;
  declare protected revealed: string;
  declare protected invitation: (Invitation & { link: string }) | undefined;
  declare protected message: { text: string; kind: 'ok' | 'error' } | undefined;
  declare protected busy: boolean;
  declare protected copied: string;

  #abort: AbortController | undefined;

  constructor() {
    super();
    this.customerId = '';
    this.inviteUrl = '';
    this.ordersPageSize = 5;
    this.customer = undefined;
    this.loadState = 'idle';
    this.categories = [];
    this.units = [];
    this.orders = [];
    this.ordersCursor = null;
    this.credits = [];
    this.messages = [];
    this.messagesCursor = null;
    this.revealed = '';
    this.invitation = undefined;
    this.message = undefined;
    this.busy = false;
    this.copied = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(CustomerSavedEvent.type, this.#onSaved);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(CustomerSavedEvent.type, this.#onSaved);
    this.#abort?.abort();
  }

  /** A form elsewhere saved this customer: show the new record without reading it again. */
  #onSaved = (event: CustomerSavedEvent) => {
    if (event.target === this || event.detail.customer.id !== this.customerId) return;
    this.customer = event.detail.customer;
    this.revealed = '';
  };

  /**
   * A category changed elsewhere on the page (its chip, the picker), this customer saved
   * elsewhere, or an order or credit of this customer written through the same client: the
   * orders, credits and figures are read again, since the server recomputed the figures.
   */
  protected override clientChanged(change: ClientChange): void {
    if (change.type === 'category.created' || change.type === 'category.updated') this.categories = withCategory(this.categories, change.category);
    else if (change.type === 'customer.updated' && change.customer.id === this.customerId && this.customer && change.customer.version > this.customer.version) {
      this.customer = change.customer;
    } else if ((change.type === 'order.created' || change.type === 'order.updated') && change.order.customerId === this.customerId) {
      void this.#refreshHistory();
    } else if ((change.type === 'credit.granted' || change.type === 'credit.redeemed') && change.customerId === this.customerId) {
      void this.#refreshHistory();
    }
  }

  /** Reads the record (masked), the first page of orders and the credits again, keeping the card on screen meanwhile. */
  async #refreshHistory(): Promise<void> {
    const api = this.api;
    if (!api || !this.customerId || this.loadState !== 'ready') return;
    const id = this.customerId;
    try {
      const [customer, orders, credits] = await Promise.all([
        api.customers.retrieve(id, { document: 'masked' }),
        api.customers.orders(id, { limit: Math.max(this.ordersPageSize, this.orders.length) }),
        api.customers.credits(id),
      ]);
      if (id !== this.customerId) return;
      this.customer = customer;
      this.orders = orders.items;
      this.ordersCursor = orders.nextCursor;
      this.credits = credits;
    } catch {
      this.message = { text: this.#t('actionFailed'), kind: 'error' };
    }
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t(): T {
    return this.#l10n.t;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('customerId') || this.connectionChanged(changed)) && this.customerId && this.api) void this.load();
  }

  /** (Re)loads the record, its orders, credits and the category names. */
  async load(): Promise<void> {
    const api = this.api;
    if (!api || !this.customerId) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const signal = abort.signal;
    const id = this.customerId;
    this.loadState = 'loading';
    this.revealed = '';
    this.invitation = undefined;
    this.message = undefined;
    try {
      const [customer, orders, credits, categories, units, messages, devices] = await Promise.all([
        // Masked: showing the card is not a reveal; the eye and the copy button are.
        api.customers.retrieve(id, { signal, document: 'masked' }),
        api.customers.orders(id, { limit: this.ordersPageSize }, { signal }),
        api.customers.credits(id, { signal }),
        api.categories.list({}, { signal }).catch(() => [] as Category[]),
        // Without the units, an order shows its unit's code instead of its name.
        api.units.list({}, { signal }).catch(() => [] as Unit[]),
        // The messages section says when it could not read them; the rest of the card stays.
        api.messages.ofCustomer(id, { limit: MESSAGES_PAGE }, { signal }).catch(() => undefined),
        // Push reaches the customer only through these; without them the line is left out.
        api.devices.ofCustomer(id, { signal }).catch(() => undefined),
      ]);
      if (signal.aborted) return;
      this.customer = customer;
      this.orders = orders.items;
      this.ordersCursor = orders.nextCursor;
      this.credits = credits;
      this.categories = categories;
      this.units = units;
      this.messages = messages?.items;
      this.messagesCursor = messages?.nextCursor ?? null;
      this.devices = devices;
      this.loadState = 'ready';
    } catch (error) {
      if (signal.aborted) return;
      this.loadState = isNotFoundError(error) ? 'not-found' : 'error';
    }
  }

  /** Reads the first page of the customer's messages again (after it failed to load with the card). */
  async #reloadMessages(): Promise<void> {
    if (!this.api) return;
    this.busy = true;
    try {
      const page = await this.api.messages.ofCustomer(this.customerId, { limit: MESSAGES_PAGE });
      this.messages = page.items;
      this.messagesCursor = page.nextCursor;
    } catch {
      this.message = { text: this.#t('actionFailed'), kind: 'error' };
    } finally {
      this.busy = false;
    }
  }

  async #moreMessages(): Promise<void> {
    if (!this.messagesCursor || !this.api) return;
    this.busy = true;
    try {
      const page = await this.api.messages.ofCustomer(this.customerId, { cursor: this.messagesCursor, limit: MESSAGES_PAGE });
      this.messages = [...(this.messages ?? []), ...page.items];
      this.messagesCursor = page.nextCursor;
    } catch {
      this.message = { text: this.#t('actionFailed'), kind: 'error' };
    } finally {
      this.busy = false;
    }
  }

  /** Turns one channel's consent on or off (the same guarded write as every other change: If-Match). */
  async #setConsent(channel: 'email' | 'sms' | 'whatsapp', on: boolean): Promise<void> {
    const c = this.customer;
    if (!c || c.marketingConsent[channel] === on) return;
    const { email, sms, whatsapp } = c.marketingConsent;
    const consent = { email, sms, whatsapp, [channel]: on };
    // The switch stays where the person put it while the write runs (a render in between must not
    // flip it back); a refusal shows the record as it is (the server's on a 412, else as before).
    this.customer = { ...c, marketingConsent: { ...c.marketingConsent, ...consent } };
    await this.#save({ marketingConsent: consent });
    if (this.message?.kind === 'error' && this.customer?.version === c.version) this.customer = { ...c };
  }

  async #moreOrders(): Promise<void> {
    if (!this.ordersCursor || !this.api) return;
    this.busy = true;
    try {
      const page = await this.api.customers.orders(this.customerId, { cursor: this.ordersCursor, limit: this.ordersPageSize });
      const first = this.orders.length;
      this.orders = [...this.orders, ...page.items];
      this.ordersCursor = page.nextCursor;
      await this.updateComplete;
      // Keep the keyboard where the new rows start (the button may have gone).
      this.renderRoot.querySelectorAll<HTMLElement>('[part~=order-row]')[first]?.focus();
    } catch {
      this.message = { text: this.#t('actionFailed'), kind: 'error' };
    } finally {
      this.busy = false;
    }
  }

  /** Reads the full record (the one audited reveal) and returns its document. */
  async #readDocument(): Promise<string | undefined> {
    if (!this.api) return undefined;
    this.busy = true;
    try {
      const fresh = await this.api.customers.retrieve(this.customerId);
      this.customer = fresh;
      return fresh.document;
    } catch {
      this.message = { text: this.#t('actionFailed'), kind: 'error' };
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  /** The eye: reads the full document (audited) and shows it, or hides it again. */
  async #toggleReveal(): Promise<void> {
    if (this.revealed) {
      this.revealed = '';
      return;
    }
    this.revealed = (await this.#readDocument()) ?? '';
  }

  /** Copies the full document: read (and audited) first when it is not on screen. */
  async #copyDocument(): Promise<void> {
    const document = this.revealed || (await this.#readDocument());
    if (document) await this.#copy(normalizeDocument(document), 'document');
  }

  async #copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard refused (no permission, insecure context): select the text so Ctrl+C works.
      const input = this.renderRoot.querySelector<HTMLInputElement>(`[data-copy="${what}"]`);
      input?.select();
    }
    this.copied = what;
    setTimeout(() => {
      if (this.copied === what) this.copied = '';
    }, 2000);
  }

  #setStatus(status: SettableStatus): Promise<void> {
    if (!this.customer || this.customer.status === status) return Promise.resolve();
    return this.#save({ status });
  }

  #onCategories = (event: Event) => {
    const picker = event.target as CategoryPicker;
    void this.#save({ categoryIds: [...picker.value] });
  };

  /** Writes a patch guarded by the version read (If-Match); a stale version shows the current record. */
  async #save(patch: CustomerPatch): Promise<void> {
    const customer = this.customer;
    if (!customer || !this.api) return;
    this.busy = true;
    this.message = undefined;
    try {
      const saved = await this.api.customers.update(customer, patch);
      this.customer = saved;
      this.message = { text: this.#t('saved'), kind: 'ok' };
      this.dispatchEvent(new CustomerSavedEvent({ customer: saved, created: false }));
    } catch (error) {
      if (isPreconditionFailedError(error) && error.current) this.customer = error.current as Customer;
      // A fresh copy, so controls that already show the refused change (the picker) render back.
      else this.customer = { ...customer, categoryIds: [...customer.categoryIds] };
      this.message = {
        text: isPreconditionFailedError(error) ? this.#t('stale') : isApiError(error) ? errorText(error, this.resolvedLocale) : this.#t('actionFailed'),
        kind: 'error',
      };
    } finally {
      this.busy = false;
    }
  }

  async #invite(): Promise<void> {
    if (!this.api || !this.customer) return;
    this.busy = true;
    this.message = undefined;
    try {
      const invitation = await this.api.customers.invite(this.customer.id);
      let link = invitation.url ?? '';
      if (this.inviteUrl || !link) {
        const url = new URL(this.inviteUrl || location.href, location.href);
        url.searchParams.set('token', invitation.token);
        link = url.href;
      }
      this.invitation = { ...invitation, link };
      if (this.customer.account.status === 'none') this.customer = { ...this.customer, account: { status: 'invited' } };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLInputElement>('[data-copy=link]')?.focus();
    } catch {
      this.message = { text: this.#t('actionFailed'), kind: 'error' };
    } finally {
      this.busy = false;
    }
  }

  #edit = () => {
    if (this.customer) this.dispatchEvent(new CustomerEditEvent({ id: this.customer.id }));
  };

  #documentText(c: Customer): string {
    return formatDocument(this.revealed || c.document, { masked: !this.revealed });
  }

  #header(c: Customer, t: T) {
    const loc = this.resolvedLocale;
    return html`<header part="header">
      <span part="avatar" aria-hidden="true">${initials(customerDisplayName(c))}</span>
      <div class="title">
        <h2 id="name">${customerDisplayName(c)}</h2>
        ${c.kind === 'company' && c.tradeName ? html`<p class="muted">${c.tradeName}</p>` : nothing}
        <p class="meta">
          <span>${t(c.kind)}</span>
          <span part="status" class="status ${c.status}">${t(`st_${c.status}`)}</span>
        </p>
        <cl-category-picker
          multiple
          .label=${t('categories')}
          .client=${this.api}
          .locale=${this.resolvedLocale}
          .categories=${this.categories}
          .value=${c.categoryIds}
          ?disabled=${this.busy || c.status === 'deleted'}
          @change=${this.#onCategories}
        ></cl-category-picker>
        <dl class="inline">
          <div><dt>${t('customerSince')}</dt><dd>${formatDate(c.createdAt, loc)}</dd></div>
          <div><dt>${t('source')}</dt><dd data-source>${CUSTOMER_SOURCE_LABELS[loc][c.source]}</dd></div>
          ${this.#sources(c, t)}
        </dl>
      </div>
    </header>`;
  }

  /** Every system that knows the customer, with its id there, when more than the origin does or an id is known. */
  #sources(c: Customer, t: T) {
    const sources = sourcesOf(c);
    const ids = c.externalIds ?? {};
    if (sources.length < 2 && !Object.keys(ids).length) return nothing;
    const loc = this.resolvedLocale;
    return html`<div>
      <dt>${t('sources')}</dt>
      <dd data-sources>
        ${sources.map((s, i) => {
          const id = ids[s];
          return html`${i ? ', ' : ''}<span data-source-name=${s}>${CUSTOMER_SOURCE_LABELS[loc][s]}${id ? ` (${t('externalId', { id })})` : ''}</span>`;
        })}
      </dd>
    </div>`;
  }

  #contact(c: Customer, t: T) {
    return html`<section part="section" aria-labelledby="h-contact">
      <h3 id="h-contact">${t('contact')}</h3>
      <dl>
        <div>
          <dt>${c.kind === 'person' ? t('cpf') : t('cnpj')}</dt>
          <dd class="row">
            <span class="mono" data-document>${this.#documentText(c)}</span>
            <button type="button" class="icon" aria-pressed=${this.revealed ? 'true' : 'false'} ?disabled=${this.busy} @click=${this.#toggleReveal}>
              ${this.revealed ? t('hide') : t('reveal')}
            </button>
            <button type="button" class="icon" data-action="copy-document" aria-label=${t('copyDocument')} ?disabled=${this.busy} @click=${this.#copyDocument}>
              ${this.copied === 'document' ? t('copied') : t('copy')}
            </button>
          </dd>
        </div>
        <div><dt>${t('email')}</dt><dd>${c.email ? html`<a href=${`mailto:${c.email}`}>${c.email}</a>` : t('none')}</dd></div>
        <div>
          <dt>${t('phone')}</dt>
          <dd class="row">
            ${c.phone ? formatPhoneBR(c.phone) : t('none')}
            ${c.phone && c.whatsapp
              ? html`<a class="whatsapp" href=${whatsappUrl(c.phone)} target="_blank" rel="noopener noreferrer">${t('whatsapp')}</a>`
              : nothing}
          </dd>
        </div>
        ${c.kind === 'company' && c.stateRegistration
          ? html`<div><dt>${t('stateRegistration')}</dt><dd>${c.stateRegistration}</dd></div>`
          : nothing}
      </dl>
    </section>`;
  }

  /** The discount that applies (the largest of the customer's own and their active categories'), and which category gives it. */
  #discount(c: Customer, t: T): string {
    const applied = benefitsOf(c, this.categories).appliedFrom;
    if (!applied) return t('none');
    const percent = formatPercent(applied.discountPercent, this.resolvedLocale);
    return applied.name ? t('discountFrom', { percent, name: applied.name }) : percent;
  }

  #address(c: Customer, t: T) {
    const a = c.address;
    return html`<section part="section" aria-labelledby="h-address">
      <h3 id="h-address">${t('address')}</h3>
      ${a
        ? html`<address>
            ${a.street}${a.number ? `, ${a.number}` : ''}${a.complement ? ` — ${a.complement}` : ''}<br />
            ${a.district ? html`${a.district}<br />` : nothing} ${a.city} / ${a.state}<br />
            ${t('postalCode')} ${formatCep(a.postalCode)}
          </address>`
        : html`<p class="muted">${t('noAddress')}</p>`}
    </section>`;
  }

  #stats(c: Customer, t: T) {
    const loc = this.resolvedLocale;
    const s = c.stats;
    const rows: [string, string][] = [
      [t('ordersCount'), formatNumber(s.ordersCount, loc)],
      [t('totalSpent'), formatMoney(s.totalSpentCents, loc)],
      [t('averageTicket'), s.ordersCount ? formatMoney(Math.round(s.totalSpentCents / s.ordersCount), loc) : t('none')],
      [t('firstPurchase'), formatDate(s.firstPurchaseAt, loc) || t('none')],
      [t('lastPurchase'), formatDate(s.lastPurchaseAt, loc) || t('none')],
      [t('visits'), formatNumber(s.visitsCount, loc)],
      [t('averageRating'), s.averageRating == null ? t('none') : t('ratingValue', { n: formatNumber(Math.round(s.averageRating * 10) / 10, loc) })],
      [t('discount'), this.#discount(c, t)],
    ];
    return html`<section part="section" aria-labelledby="h-stats">
      <h3 id="h-stats">${t('stats')}</h3>
      <dl class="stats">${rows.map(([k, v]) => html`<div><dt>${k}</dt><dd>${v}</dd></div>`)}</dl>
    </section>`;
  }

  #orders(t: T) {
    const loc = this.resolvedLocale;
    return html`<section part="section" aria-labelledby="h-orders">
      <h3 id="h-orders">${t('orders')}</h3>
      ${this.orders.length === 0
        ? html`<p class="muted">${t('noOrders')}</p>`
        : html`<table aria-labelledby="h-orders">
            <thead>
              <tr>
                <th scope="col">${t('orderNumber')}</th>
                <th scope="col">${t('orderDate')}</th>
                <th scope="col">${t('orderUnit')}</th>
                <th scope="col" class="num">${t('items')}</th>
                <th scope="col" class="num">${t('total')}</th>
                <th scope="col">${t('orderStatus')}</th>
                <th scope="col">${t('rating')}</th>
              </tr>
            </thead>
            <tbody>
              ${this.orders.map(
                (o) => html`<tr part="order-row" tabindex="-1">
                  <th scope="row">${o.number}</th>
                  <td>${formatDate(o.placedAt, loc)}</td>
                  <td>${o.unitId ? (this.units.find((u) => u.id === o.unitId)?.name ?? o.unitId) : html`<span class="muted">${t('noUnit')}</span>`}</td>
                  <td class="num">${formatNumber(o.itemsCount, loc)}</td>
                  <td class="num">${formatMoney(o.totalCents, loc)}</td>
                  <td>${t(`os_${o.status}`)}</td>
                  <td>
                    ${o.rating
                      ? html`<span role="img" aria-label=${t('ratingValue', { n: o.rating })}>${'★'.repeat(o.rating)}${'☆'.repeat(5 - o.rating)}</span>`
                      : html`<span class="muted">${t('noRating')}</span>`}
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>`}
      ${this.ordersCursor
        ? html`<button type="button" data-more ?disabled=${this.busy} @click=${this.#moreOrders}>${t('loadMore')}</button>`
        : nothing}
    </section>`;
  }

  #credits(t: T) {
    const loc = this.resolvedLocale;
    const credits = [...this.credits].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
    return html`<section part="section" aria-labelledby="h-credits">
      <h3 id="h-credits">${t('credits')}</h3>
      ${credits.length === 0
        ? html`<p class="muted">${t('noCredits')}</p>`
        : html`<table aria-labelledby="h-credits">
            <thead>
              <tr>
                <th scope="col">${t('credits')}</th>
                <th scope="col" class="num">${t('amount')}</th>
                <th scope="col" class="num">${t('balance')}</th>
                <th scope="col">${t('origin')}</th>
                <th scope="col">${t('expires')}</th>
                <th scope="col">${t('status')}</th>
              </tr>
            </thead>
            <tbody>
              ${credits.map(
                (cr) => html`<tr class=${cr.status} data-credit=${cr.id}>
                  <th scope="row">${t(`cr_${cr.kind}`)}</th>
                  <td class="num">${formatMoney(cr.amountCents, loc)}</td>
                  <td class="num">${formatMoney(cr.balanceCents, loc)}</td>
                  <td>${cr.origin}</td>
                  <td>${formatDate(cr.expiresAt, loc)}</td>
                  <td>${t(`cs_${cr.status}`)}</td>
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }

  #messages(t: T) {
    const loc = this.resolvedLocale;
    const items = this.messages;
    const channel = { email: t('consentEmail'), sms: t('consentSms'), whatsapp: t('consentWhatsapp'), push: t('push') };
    return html`<section part="section" aria-labelledby="h-messages">
      <h3 id="h-messages">${t('messages')}</h3>
      ${!items
        ? html`<p class="muted" data-messages-failed>
            ${t('messagesFailed')} <button type="button" ?disabled=${this.busy} @click=${() => this.#reloadMessages()}>${t('retry')}</button>
          </p>`
        : items.length === 0
          ? html`<p class="muted">${t('noMessages')}</p>`
          : html`<table aria-labelledby="h-messages" part="messages">
              <thead>
                <tr>
                  <th scope="col">${t('orderDate')}</th>
                  <th scope="col">${t('msgChannel')}</th>
                  <th scope="col">${t('msgText')}</th>
                  <th scope="col">${t('orderStatus')}</th>
                </tr>
              </thead>
              <tbody>
                ${items.map(
                  (r) => html`<tr data-message=${r.messageId} data-status=${r.status}>
                    <td><time datetime=${r.createdAt}>${formatDateTime(r.createdAt, loc)}</time></td>
                    <td>${channel[r.channel]}</td>
                    <td class="msg-text">${r.subject ? html`<strong>${r.subject}</strong><br />` : nothing}${r.text.length > 120 ? `${r.text.slice(0, 120)}…` : r.text}</td>
                    <td>${t(`ms_${r.status}`)}${r.skipReason ? html`<br /><span class="muted">${t(r.skipReason === 'no_contact' && r.channel === 'push' ? 'sk_no_app' : `sk_${r.skipReason}`)}</span>` : nothing}${r.status === 'failed' && r.error ? html`<br /><span class="muted">${r.error}</span>` : nothing}</td>
                  </tr>`,
                )}
              </tbody>
            </table>`}
      ${this.messagesCursor ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.#moreMessages()}>${t('moreMessages')}</button>` : nothing}
    </section>`;
  }

  /** Push: how many devices have the store's app (or a browser) with notifications on, and which. */
  #devicesLine(t: T) {
    const list = this.devices;
    if (!list) return nothing;
    const loc = this.resolvedLocale;
    const n = list.length;
    const text = n === 0 ? t('appNone') : t(new Intl.PluralRules(loc).select(n) === 'one' ? 'appDevicesOne' : 'appDevicesOther', { count: formatNumber(n, loc) });
    // A browser subscribed over Web Push is one the server sends to itself (no integrator's gateway).
    const names = list.map((d) => `${d.label || d.appName} (${t(d.webPush ? 'pl_webpush' : `pl_${d.platform}`)})`).join(', ');
    return html`<p class="devices" part="devices" data-devices=${n} title=${names || nothing}>${text}${n ? html` <span class="muted">— ${names}</span>` : nothing}</p>`;
  }

  #more(c: Customer, t: T) {
    const m = c.marketingConsent;
    const loc = this.resolvedLocale;
    // The switches write the consent; beside each, whether the customer can be reached there at all.
    const reach = { email: !!c.email, sms: !!c.phone, whatsapp: !!(c.phone && c.whatsapp) };
    const label = { email: t('consentEmail'), sms: t('consentSms'), whatsapp: t('consentWhatsapp') };
    const missing = { email: t('noEmail'), sms: t('noPhone'), whatsapp: t('noWhatsapp') };
    return html`<section part="section" aria-labelledby="h-consent">
        <h3 id="h-consent">${t('consent')}</h3>
        <fieldset class="channels" part="channels" ?disabled=${this.busy}>
          <legend>${t('channelsLegend')}</legend>
          ${(['email', 'sms', 'whatsapp'] as const).map(
            (ch) => html`<label class="switch">
              <input
                type="checkbox"
                role="switch"
                data-consent=${ch}
                .checked=${live(m[ch])}
                aria-describedby=${reach[ch] ? nothing : `consent-${ch}-hint`}
                @change=${(e: Event) => void this.#setConsent(ch, (e.target as HTMLInputElement).checked)}
              />
              <span>${label[ch]}</span>
              ${reach[ch] ? nothing : html`<span class="muted" id="consent-${ch}-hint">(${missing[ch]})</span>`}
            </label>`,
          )}
        </fieldset>
        ${this.#devicesLine(t)}
        ${m.updatedAt ? html`<p class="muted">${t('consentUpdated', { date: formatDateTime(m.updatedAt, loc) })}</p>` : nothing}
        <cl-consent-history .client=${this.api} customer-id=${c.id} revision=${c.version} .locale=${loc}></cl-consent-history>
      </section>
      <section part="section" aria-labelledby="h-loyalty">
        <h3 id="h-loyalty">${t('loyaltyCard')}</h3>
        <p class="mono">${c.loyaltyCard || t('none')}</p>
      </section>
      <section part="section" aria-labelledby="h-notes">
        <h3 id="h-notes">${t('notes')}</h3>
        <p class="notes">${c.notes || t('none')}</p>
      </section>`;
  }

  #actions(c: Customer, t: T) {
    const loc = this.resolvedLocale;
    const blocked = c.status === 'blocked';
    return html`<section part="section actions" aria-labelledby="h-actions">
      <h3 id="h-actions">${t('actions')}</h3>
      <div class="row wrap">
        <button type="button" class="primary" data-action="edit" @click=${this.#edit} ?disabled=${c.status === 'deleted'}>${t('edit')}</button>
        <label class="row">
          <span>${t('changeStatus')}</span>
          <select data-action="status" ?disabled=${this.busy || c.status === 'deleted'}>
            ${SETTABLE_STATUSES.map((s) => html`<option value=${s} ?selected=${c.status === s}>${t(`st_${s}`)}</option>`)}
          </select>
        </label>
        <button
          type="button"
          data-action="apply-status"
          ?disabled=${this.busy || c.status === 'deleted'}
          @click=${() => this.#setStatus(this.renderRoot.querySelector<HTMLSelectElement>('[data-action=status]')!.value as SettableStatus)}
        >
          ${t('apply')}
        </button>
        <button
          type="button"
          class=${blocked ? '' : 'danger'}
          data-action="block"
          ?disabled=${this.busy || c.status === 'deleted'}
          @click=${() => this.#setStatus(blocked ? 'active' : 'blocked')}
        >
          ${blocked ? t('unblock') : t('block')}
        </button>
      </div>
      <div class="access">
        <p><strong>${t('access')}:</strong> <span data-account>${t(`acc_${c.account.status}`)}</span></p>
        <button type="button" data-action="invite" ?disabled=${this.busy || c.status === 'deleted'} @click=${this.#invite}>${t('createLink')}</button>
        ${this.invitation
          ? html`<div part="link" class="link">
              <label for="invite-link">${t('linkLabel')}</label>
              <div class="row">
                <input id="invite-link" data-copy="link" readonly .value=${this.invitation.link} aria-describedby="invite-hint" />
                <button type="button" data-action="copy-link" aria-label=${t('copyLink')} @click=${() => this.#copy(this.invitation!.link, 'link')}>
                  ${this.copied === 'link' ? t('copied') : t('copy')}
                </button>
              </div>
              <p id="invite-hint" class="muted">${t('linkHint')} ${t('linkExpires', { date: formatDateTime(this.invitation.expiresAt, loc) })}</p>
            </div>`
          : nothing}
      </div>
    </section>`;
  }

  override render() {
    const t = this.#t;
    const c = this.customer;
    if (this.loadState === 'loading' && !c) return html`<div part="base" role="status">${t('loading')}</div>`;
    if (this.loadState === 'not-found') return html`<div part="base" role="alert">${t('notFound')}</div>`;
    if (this.loadState === 'error')
      return html`<div part="base" role="alert">
        <p>${t('loadFailed')}</p>
        <button type="button" @click=${() => this.load()}>${t('retry')}</button>
      </div>`;
    if (!c) return nothing;
    return html`<article part="base" aria-labelledby="name" aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}>
      ${this.#header(c, t)}
      <div role="status" class="message ${this.message?.kind ?? ''}">${this.message?.text ?? ''}</div>
      <div class="grid">${this.#contact(c, t)} ${this.#address(c, t)}</div>
      ${this.#stats(c, t)} ${this.#orders(t)} ${this.#credits(t)} ${this.#messages(t)}
      <div class="grid">${this.#more(c, t)}</div>
      ${this.#actions(c, t)}
    </article>`;
  }
}
