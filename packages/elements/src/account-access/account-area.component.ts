import type { Benefits, Credit, Order, Session } from '@clientela/core';
import { formatPercent } from '@clientela/core/format';
import { isAuthError, isValidationError } from '@clientela/core/errors';
import { passwordIssue } from '@clientela/core/rules';
import { issueMessage } from '@clientela/core/i18n';
import { html, nothing, type PropertyValues } from 'lit';
import '../customer-form/customer-form.js';
import './account-privacy.js';
import { SignedOutEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { AccountAreaClient } from './account-area.client.js';
import { errorText } from '../internal/error-text.js';
import { formatDate, formatMoney, formatNumber } from '../internal/localize.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './account-area.messages.js';

type Tab = 'profile' | 'orders' | 'credits' | 'password' | 'privacy';
const TABS: Tab[] = ['profile', 'orders', 'credits', 'password', 'privacy'];
type Load<T> = { state: 'idle' | 'loading' | 'ready' | 'failed'; items: T[]; cursor: string | null; error: string };
type PwField = 'currentPassword' | 'password' | 'confirm';

let instances = 0;

/**
 * @summary The signed-in shopper's area ("Minha conta"): their details (edited with the
 * registration's rules), orders, credits, a password change and signing out. Part of
 * `<cl-account-access>`, which shows it once a shopper is signed in; not meant to be used alone.
 *
 * @internal
 *
 * Renders in light DOM, inside the access element (password managers see the password change).
 *
 * @event cl-signed-out - Sign-out was chosen, or the server no longer accepts the session (`detail.reason`).
 */
export class AccountArea extends ClientelaElement<AccountAreaClient> {
  protected override clientModule(): ClientModule<AccountAreaClient> {
    return import('./account-area.client.js');
  }

  static override properties = {
    ...ClientelaElement.properties,
    session: { attribute: false },
    tab: { type: String, reflect: true },
    orders: { state: true },
    credits: { state: true },
    benefits: { state: true },
    pwErrors: { state: true },
    pwStatus: { state: true },
    pwBusy: { state: true },
  };

  /** The session whose data is shown. */
  declare session: Session | undefined;
  /** The section shown: `profile`, `orders`, `credits` or `password`. */
  declare tab: Tab;
  declare protected orders: Load<Order>;
  declare protected credits: Load<Credit>;
  /** The discount that applies to the shopper (read once per session); undefined until read or when it could not be. */
  declare protected benefits: Benefits | undefined;
  declare protected pwErrors: Partial<Record<PwField, string>>;
  declare protected pwStatus: string;
  declare protected pwBusy: boolean;

  readonly #id = `cl-account-area-${++instances}`;

  constructor() {
    super();
    this.session = undefined;
    this.tab = 'profile';
    this.orders = { state: 'idle', items: [], cursor: null, error: '' };
    this.credits = { state: 'idle', items: [], cursor: null, error: '' };
    this.pwErrors = {};
    this.pwStatus = '';
    this.pwBusy = false;
  }

  protected override createRenderRoot() {
    return this;
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('session') && changed.get('session') !== undefined) {
      this.orders = { state: 'idle', items: [], cursor: null, error: '' };
      this.credits = { state: 'idle', items: [], cursor: null, error: '' };
    }
    if (changed.has('session')) {
      this.benefits = undefined;
      if (this.session) void this.#loadBenefits(this.session.token);
    }
    if (this.tab === 'orders' && this.orders.state === 'idle') void this.#loadOrders(false);
    if (this.tab === 'credits' && this.credits.state === 'idle') void this.#loadCredits();
  }

  /** A 401 means the session is over: the access element takes over (sign-in, "session ended"). */
  #expired(error: unknown): boolean {
    if (!isAuthError(error)) return false;
    this.dispatchEvent(new SignedOutEvent({ reason: 'expired' }));
    return true;
  }

  async #loadOrders(more: boolean): Promise<void> {
    const token = this.session?.token;
    if (!token || !this.api) return;
    const prev = this.orders;
    this.orders = { ...prev, state: 'loading', error: '' };
    try {
      const page = await this.api.account.orders(token, { limit: 10, ...(more && prev.cursor ? { cursor: prev.cursor } : {}) });
      if (token !== this.session?.token) return;
      this.orders = { state: 'ready', items: more ? [...prev.items, ...page.items] : page.items, cursor: page.nextCursor, error: '' };
    } catch (error) {
      if (this.#expired(error)) return;
      this.orders = { ...prev, state: 'failed', error: errorText(error, this.resolvedLocale) };
    }
  }

  async #loadBenefits(token: string): Promise<void> {
    if (!this.api) return;
    try {
      const benefits = await this.api.account.benefits(token);
      if (this.session?.token === token) this.benefits = benefits;
    } catch (error) {
      // Without it the area still works; an ended session hands over to sign-in.
      this.#expired(error);
    }
  }

  #benefitsLine() {
    const b = this.benefits;
    if (!b?.appliedFrom) return nothing;
    const t = this.#t;
    const percent = formatPercent(b.discountPercent, this.resolvedLocale);
    return html`<p data-part="benefits">${b.appliedFrom.name ? t('discountFrom', { percent, name: b.appliedFrom.name }) : t('discount', { percent })}</p>`;
  }

  async #loadCredits(): Promise<void> {
    const token = this.session?.token;
    if (!token || !this.api) return;
    this.credits = { ...this.credits, state: 'loading', error: '' };
    try {
      const items = await this.api.account.credits(token);
      if (token !== this.session?.token) return;
      this.credits = { state: 'ready', items, cursor: null, error: '' };
    } catch (error) {
      if (this.#expired(error)) return;
      this.credits = { ...this.credits, state: 'failed', error: errorText(error, this.resolvedLocale) };
    }
  }

  #select(tab: Tab, focus = false): void {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.querySelector<HTMLElement>(`#${this.#id}-tab-${tab}`)?.focus());
  }

  #onTabKey = (event: KeyboardEvent) => {
    const i = TABS.indexOf(this.tab);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.#select(TABS[(next + TABS.length) % TABS.length]!, true);
  };

  #signOut = async () => {
    const token = this.session?.token;
    // Ending the session on the server is best effort: the shopper is signed out here either way.
    if (token && this.api) await this.api.account.signOut(token, { timeout: 5000 }).catch(() => undefined);
    this.dispatchEvent(new SignedOutEvent({ reason: 'signed-out' }));
  };

  #pwInput(name: PwField): HTMLInputElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }

  #onPasswordSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.pwBusy || !this.api || !this.session) return;
    const t = this.#t;
    const locale = this.resolvedLocale;
    const current = this.#pwInput('currentPassword')!.value;
    const next = this.#pwInput('password')!.value;
    const confirm = this.#pwInput('confirm')!.value;
    const errors: Partial<Record<PwField, string>> = {};
    if (!current) errors.currentPassword = t('required');
    const issue = next ? passwordIssue(next) : undefined;
    if (!next) errors.password = t('required');
    else if (issue) errors.password = issueMessage(issue, locale);
    if (!errors.password && confirm !== next) errors.confirm = t('mismatch');
    this.pwErrors = errors;
    this.pwStatus = '';
    const first = (['currentPassword', 'password', 'confirm'] as const).find((f) => errors[f]);
    if (first) {
      await this.updateComplete;
      this.#pwInput(first)?.focus();
      return;
    }
    this.pwBusy = true;
    try {
      await this.api.account.changePassword(this.session.token, { currentPassword: current, password: next });
      (event.target as HTMLFormElement).reset();
      this.pwStatus = t('passwordChanged');
    } catch (error) {
      if (this.#expired(error)) return;
      if (isValidationError(error)) {
        const fe = error.fieldErrors;
        this.pwErrors = {
          ...(fe['currentPassword'] ? { currentPassword: fe['currentPassword'][0]! } : {}),
          ...(fe['password'] ? { password: fe['password'][0]! } : {}),
        };
      }
      if (!Object.keys(this.pwErrors).length) this.pwStatus = `${t('failed')} ${errorText(error, locale)}`;
      await this.updateComplete;
      const bad = (['currentPassword', 'password'] as const).find((f) => this.pwErrors[f]);
      if (bad) this.#pwInput(bad)?.focus();
    } finally {
      this.pwBusy = false;
    }
  };

  #pwField(name: PwField, label: string, autocomplete: string, hint?: string) {
    const id = `${this.#id}-${name}`;
    const error = this.pwErrors[name];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div data-part="field">
      <label data-part="label" for=${id}>${label}</label>
      <input id=${id} name=${name === 'confirm' ? 'password-confirm' : name === 'password' ? 'new-password' : 'current-password'} type="password" autocomplete=${autocomplete} required maxlength="200"
        aria-invalid=${error ? 'true' : 'false'} aria-describedby=${describedBy || nothing} />
      ${hint ? html`<span data-part="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span data-part="error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  #failed(load: { error: string }, retry: () => void) {
    const t = this.#t;
    return html`<div data-part="alert" role="alert">
      <p>${t('loadFailed')} ${load.error}</p>
      <button type="button" class="link" @click=${retry}>${t('retry')}</button>
    </div>`;
  }

  #ordersPanel() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const o = this.orders;
    return html`${o.items.length
        ? html`<table aria-label=${t('orders')}>
            <thead><tr>
              <th scope="col">${t('orderNumber')}</th><th scope="col">${t('orderDate')}</th><th scope="col" class="num">${t('items')}</th>
              <th scope="col" class="num">${t('total')}</th><th scope="col">${t('orderStatus')}</th>
            </tr></thead>
            <tbody>${o.items.map(
              (it) => html`<tr data-order=${it.id}>
                <th scope="row" data-label=${t('orderNumber')}>${it.number}</th>
                <td data-label=${t('orderDate')}>${formatDate(it.placedAt, loc)}</td>
                <td class="num" data-label=${t('items')}>${formatNumber(it.itemsCount, loc)}</td>
                <td class="num" data-label=${t('total')}>${formatMoney(it.totalCents, loc)}</td>
                <td data-label=${t('orderStatus')}>${t(`os_${it.status}`)}</td>
              </tr>`,
            )}</tbody>
          </table>`
        : o.state === 'ready'
          ? html`<p>${t('noOrders')}</p>`
          : nothing}
      ${o.state === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${o.state === 'failed' ? this.#failed(o, () => void this.#loadOrders(o.items.length > 0)) : nothing}
      ${o.state === 'ready' && o.cursor ? html`<p><button type="button" class="link" @click=${() => void this.#loadOrders(true)}>${t('loadMore')}</button></p>` : nothing}`;
  }

  #creditsPanel() {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const c = this.credits;
    return html`${c.items.length
        ? html`<table aria-label=${t('credits')}>
            <thead><tr>
              <th scope="col">${t('creditKind')}</th><th scope="col" class="num">${t('amount')}</th>
              <th scope="col">${t('expires')}</th><th scope="col">${t('creditStatus')}</th>
            </tr></thead>
            <tbody>${c.items.map(
              (cr) => html`<tr data-credit=${cr.id}>
                <th scope="row" data-label=${t('creditKind')}>${t(`cr_${cr.kind}`)}</th>
                <td class="num" data-label=${t('amount')}>${formatMoney(cr.amountCents, loc)}</td>
                <td data-label=${t('expires')}><time datetime=${cr.expiresAt}>${formatDate(cr.expiresAt, loc)}</time></td>
                <td data-label=${t('creditStatus')}>${t(`cs_${cr.status}`)}</td>
              </tr>`,
            )}</tbody>
          </table>`
        : c.state === 'ready'
          ? html`<p>${t('noCredits')}</p>`
          : nothing}
      ${c.state === 'loading' ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${c.state === 'failed' ? this.#failed(c, () => void this.#loadCredits()) : nothing}`;
  }

  #passwordPanel() {
    const t = this.#t;
    return html`<form data-part="base" method="post" novalidate aria-labelledby=${`${this.#id}-pw-title`} aria-busy=${this.pwBusy ? 'true' : 'false'} @submit=${this.#onPasswordSubmit}>
      <h3 id=${`${this.#id}-pw-title`}>${t('changePassword')}</h3>
      ${this.#pwField('currentPassword', t('currentPassword'), 'current-password')}
      ${this.#pwField('password', t('newPassword'), 'new-password', t('passwordHint'))}
      ${this.#pwField('confirm', t('confirmPassword'), 'new-password')}
      <p data-part=${this.pwStatus && !Object.keys(this.pwErrors).length ? 'notice' : 'hint'} role="status">${this.pwStatus}</p>
      <button type="submit" data-part="submit" ?disabled=${this.pwBusy}>${this.pwBusy ? t('saving') : t('changePassword')}</button>
    </form>`;
  }

  override render() {
    const t = this.#t;
    const s = this.session;
    if (!s) return nothing;
    const panel = (tab: Tab) => {
      switch (tab) {
        case 'profile':
          return html`<cl-customer-form mode="account" .client=${this.api} .session=${s.token} lang=${this.resolvedLocale}></cl-customer-form>`;
        case 'orders':
          return this.#ordersPanel();
        case 'credits':
          return this.#creditsPanel();
        case 'password':
          return this.#passwordPanel();
        case 'privacy':
          // LGPD (#18): consent, "Baixar meus dados", "Excluir minha conta" — a panel of its own.
          return html`<cl-account-privacy .client=${this.api} .session=${s.token} .locale=${this.resolvedLocale}></cl-account-privacy>`;
      }
    };
    return html`<section data-part="area" data-state="signed-in" aria-labelledby=${`${this.#id}-title`}>
      ${s.notice === 'approved' ? html`<p data-part="notice" role="status">${t('approved')}</p>` : nothing}
      <header>
        <h2 id=${`${this.#id}-title`}>${t('hello', { name: s.name })}</h2>
        <button type="button" class="link" data-sign-out @click=${this.#signOut}>${t('signOut')}</button>
      </header>
      ${this.#benefitsLine()}
      <div role="tablist" aria-label=${t('sections')} @keydown=${this.#onTabKey}>
        ${TABS.map(
          (tab) => html`<button type="button" role="tab" id=${`${this.#id}-tab-${tab}`} aria-controls=${`${this.#id}-panel`}
            aria-selected=${this.tab === tab ? 'true' : 'false'} tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.#select(tab)}>${t(tab)}</button>`,
        )}
      </div>
      <div role="tabpanel" id=${`${this.#id}-panel`} data-part="panel" data-tab=${this.tab} aria-labelledby=${`${this.#id}-tab-${this.tab}`} tabindex="0">
        ${panel(this.tab)}
      </div>
    </section>`;
  }
}
