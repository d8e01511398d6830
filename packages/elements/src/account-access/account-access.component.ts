import type { Session } from '@clientela/core';
import { issueMessage } from '@clientela/core/i18n';
import { passwordIssue } from '@clientela/core/rules';
import { isApiError, isAuthError, isRateLimitError, isValidationError } from '@clientela/core/errors';
import { html, nothing, type PropertyValues } from 'lit';
import { SignedInEvent, SignedOutEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { AccountAccessClient } from './account-access.client.js';
import { adoptLightDomStyles } from '../internal/light-dom.js';
import { clearSession, loadSession, saveSession } from '../internal/session-store.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './account-access.messages.js';
import { catalog as recoveryCatalog } from './password-reset.messages.js';
import { PASSWORD_RESET_TTL_MINUTES } from '@clientela/core/rules';
import { styles } from './account-access.styles.js';

type Status = 'idle' | 'busy' | 'signed-in' | 'expired' | 'used' | 'invalid' | 'sent';
type Field = 'email' | 'password' | 'confirm';

let instances = 0;

/** `expired`, `used` or `invalid` when a set-password error is about the token, else undefined. */
export function tokenProblem(error: unknown): 'expired' | 'used' | 'invalid' | undefined {
  if (!isApiError(error)) return undefined;
  const { problem, status } = error;
  const tokenIssues = (problem.errors ?? []).filter((e) => e.path === 'token' || /token/i.test(e.code));
  const text = [problem.type, problem.title, problem.detail ?? '', ...tokenIssues.map((e) => e.code)].join(' ').toLowerCase();
  if (status === 410 || status === 404 || tokenIssues.length > 0 || /token/.test(text)) {
    if (/expir/.test(text)) return 'expired';
    if (/used|consumed|utilizad/.test(text)) return 'used';
    return 'invalid';
  }
  return undefined;
}

/**
 * @summary Sign-in with e-mail and password, and "set your password" from an invitation link,
 * for the private (3), seller-registered (2) and migrated (4) catalog scenarios.
 *
 * Renders into light DOM, with `autocomplete="email"`, `current-password` and `new-password`, so
 * browsers and password managers can fill and save the credentials. Errors never say whether an
 * e-mail exists. Expired, used and unknown invitation tokens each get their own clear state.
 *
 * Once signed in it shows the shopper's area ("Minha conta": details, orders, credits, password,
 * sign out). The session is kept in `localStorage` and restored on the next visit until it expires;
 * a session the server no longer accepts brings back the sign-in form, saying so.
 *
 * @event cl-signed-in - A shopper signed in (also after setting a password); `detail.session`.
 * @event cl-signed-out - The shopper signed out or the session ended (`detail.reason`).
 *
 * @cssproperty --cl-account-access-width - Maximum width (24rem).
 * @cssproperty --cl-color-accent - Button colour.
 *
 * Parts are `data-part` attributes (light DOM has no `::part`): `base`, `field`, `label`, `hint`,
 * `error`, `alert`, `notice`, `submit`.
 */
export class AccountAccess extends ClientelaElement<AccountAccessClient> {
  protected override clientModule(): ClientModule<AccountAccessClient> {
    return import('./account-access.client.js');
  }

  static override properties = {
    ...ClientelaElement.properties,
    token: { type: String },
    mode: { type: String, reflect: true },
    variant: { type: String },
    email: { type: String },
    persist: { type: Boolean },
    status: { state: true },
    notice: { state: true },
    alert: { state: true },
    fieldErrors: { state: true },
    session: { state: true },
  };

  /** The invitation token (from the link's `?token=`); with it the element asks for a new password. */
  declare token: string;
  /** `sign-in`, `set-password` or `forgot` ("Esqueci minha senha"); defaults to `set-password` when there is a token. */
  declare mode: 'sign-in' | 'set-password' | 'forgot' | '';
  /** Wording of the set-password step: `invited` (registered by a seller), `migrated`, `reset` (a recovery link) or `claim` (finishing a registration that met a record the store held). */
  declare variant: 'invited' | 'migrated' | 'reset' | 'claim';
  /** Pre-fills the e-mail field. */
  declare email: string;
  /**
   * Restores a stored session when connected (default true). A page with several access forms
   * (one per scenario) keeps one "Minha conta" that restores and sets `persist = false` on the others.
   */
  declare persist: boolean;
  declare protected status: Status;
  declare protected notice: string;
  declare protected alert: string;
  declare protected fieldErrors: Partial<Record<Field, string>>;
  /** The session after signing in. */
  declare session: Session | undefined;

  readonly #id = `cl-account-access-${++instances}`;

  constructor() {
    super();
    this.token = '';
    this.mode = '';
    this.variant = 'invited';
    this.email = '';
    this.persist = true;
    this.status = 'idle';
    this.notice = '';
    this.alert = '';
    this.fieldErrors = {};
    this.session = undefined;
  }

  /** Light DOM: password managers do not look inside shadow roots. */
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cl-signed-out', this.#onSignedOut as EventListener);
    // A shopper who signed in earlier (or registered with a password) stays signed in across
    // reloads until the session's time is over; an invitation link always shows its own step.
    if (this.persist && !this.token && !this.session && this.status === 'idle') {
      const stored = loadSession();
      if (stored === 'expired') this.notice = this.#t('sessionEnded');
      else if (stored) this.#enter(stored);
    }
    adoptLightDomStyles(this, styles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('cl-signed-out', this.#onSignedOut as EventListener);
  }

  /** Shows the signed-in area for `session` (loaded on first use: pages that only sign in never fetch it). */
  #enter(session: Session): void {
    this.session = session;
    this.status = 'signed-in';
    this.toggleAttribute('data-signed-in', true);
    void import('./account-area.js');
  }

  #onSignedOut = (event: SignedOutEvent) => {
    clearSession();
    this.session = undefined;
    this.status = 'idle';
    this.mode = 'sign-in';
    this.toggleAttribute('data-signed-in', false);
    this.notice = event.detail.reason === 'expired' ? this.#t('sessionEnded') : this.#t('signedOut');
    void this.updateComplete.then(() => this.#input('email')?.focus());
  };

  /** The step shown. */
  get view(): 'sign-in' | 'set-password' | 'forgot' {
    if (this.mode === 'sign-in' || this.mode === 'forgot') return this.mode;
    return this.mode === 'set-password' || this.token ? 'set-password' : 'sign-in';
  }

  /** Shows the sign-in form again in this element only (the session, if any, stays signed in elsewhere). */
  reset(): void {
    this.session = undefined;
    this.token = '';
    this.mode = 'sign-in';
    this.status = 'idle';
    this.notice = '';
    this.alert = '';
    this.fieldErrors = {};
    this.toggleAttribute('data-signed-in', false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A session handed in by the page (a shopper who signed in elsewhere on it) opens the area.
    if (changed.has('session') && this.session && this.status !== 'signed-in' && this.status !== 'busy') this.#enter(this.session);
    // A new token or mode starts over, except while a submit is in flight (setting a password
    // switches to sign-in mode itself and is still signing in).
    if (this.status === 'busy') return;
    if ((changed.has('token') && changed.get('token') !== undefined) || (changed.has('mode') && changed.get('mode') !== undefined)) {
      this.status = 'idle';
      this.alert = '';
      this.fieldErrors = {};
    }
    if ((changed.has('token') || this.connectionChanged(changed)) && this.token && this.view === 'set-password') void this.#lookUpInvitation(this.token);
  }

  /**
   * Reads what the invitation is for: its e-mail pre-fills the form, and a link already used,
   * expired or replaced says so before the shopper types anything. A failed look-up changes
   * nothing (the server checks the same when the form is sent).
   */
  async #lookUpInvitation(token: string): Promise<void> {
    if (!this.api) return;
    try {
      const info = await this.api.account.invitation(token);
      if (token !== this.token || this.status !== 'idle') return;
      const input = this.#input('email');
      if (info.email && (!input || !input.value)) this.email = info.email;
    } catch (error) {
      if (token !== this.token || this.status !== 'idle') return;
      const problem = tokenProblem(error);
      if (problem) this.status = problem;
    }
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }
  /** The recovery steps' words (a catalog of their own). */
  readonly #recovery = new LocalizeController(this, recoveryCatalog);
  /** The e-mail a recovery link was asked for (said back on the "check your e-mail" step). */
  #sentTo = '';

  #input(name: Field): HTMLInputElement | null {
    return this.querySelector(`#${this.#id}-${name}`);
  }

  /** Client-side checks with localized messages; focuses the first field in error. */
  #validate(fields: Field[]): boolean {
    const t = this.#t;
    const errors: Partial<Record<Field, string>> = {};
    for (const f of fields) {
      const input = this.#input(f)!;
      const value = f === 'email' ? input.value.trim() : input.value;
      if (!value) errors[f] = t('required');
      else if (f === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) errors[f] = t('invalidEmail');
      else if (f === 'password' && this.view === 'set-password' && passwordIssue(value)) errors[f] = issueMessage(passwordIssue(value)!, this.resolvedLocale);
      else if (f === 'confirm' && value !== this.#input('password')!.value) errors[f] = t('mismatch');
    }
    this.fieldErrors = errors;
    const first = fields.find((f) => errors[f]);
    if (first) {
      void this.updateComplete.then(() => this.#input(first)?.focus());
      return false;
    }
    return true;
  }

  async #signIn(email: string, password: string): Promise<void> {
    this.#signedIn(await this.api!.account.signIn({ email, password }));
  }

  #signedIn(session: Session): void {
    // "Approved" is said once, on this sign-in; a restored session does not repeat it.
    const { notice: _once, ...kept } = session;
    saveSession(kept);
    this.notice = '';
    this.#enter(session);
    this.dispatchEvent(new SignedInEvent({ session }));
  }

  #describe(error: unknown): string {
    const t = this.#t;
    if (isRateLimitError(error)) return t('tooMany');
    // A private catalog's answer about this (correctly signed-in) shopper: still under review, or
    // refused. The server says it in the shopper's language.
    if (isApiError(error) && error.status === 403 && /account-(pending|refused)/.test(error.problem.type)) return error.problem.detail ?? error.message;
    // Same message for an unknown e-mail and a wrong password: never hint that an e-mail exists.
    if (isAuthError(error) || isValidationError(error)) return t('badCredentials');
    return t('failed');
  }

  /**
   * "Esqueci minha senha": asks the server to e-mail a link. The answer is the same whether or not
   * the e-mail has an account, and so is what the shopper reads next.
   */
  async #requestLink(): Promise<void> {
    if (!this.#validate(['email'])) return;
    const email = this.#input('email')!.value.trim();
    this.status = 'busy';
    try {
      await this.api!.account.requestPasswordReset({ email });
      this.#sentTo = email;
      this.email = email;
      this.status = 'sent';
      await this.updateComplete;
      this.querySelector<HTMLElement>(`#${this.#id}-title`)?.focus();
    } catch (error) {
      this.status = 'idle';
      if (isValidationError(error)) this.fieldErrors = { email: this.#t('invalidEmail') };
      else this.alert = isRateLimitError(error) ? this.#t('tooMany') : this.#t('failed');
    }
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.status === 'busy' || !this.api) return;
    this.alert = '';
    this.notice = '';
    if (this.view === 'forgot') return this.#requestLink();
    const setting = this.view === 'set-password';
    if (!this.#validate(setting ? ['email', 'password', 'confirm'] : ['email', 'password'])) return;
    const email = this.#input('email')!.value.trim();
    const password = this.#input('password')!.value;
    this.status = 'busy';
    if (setting) {
      let session: Session;
      try {
        session = await this.api.account.setPassword({ token: this.token, email, password });
      } catch (error) {
        const problem = tokenProblem(error);
        if (problem) {
          this.status = problem;
          return;
        }
        this.status = 'idle';
        const fe = isValidationError(error) ? error.fieldErrors : {};
        if (fe['email'] || fe['password']) {
          this.fieldErrors = { ...(fe['email'] ? { email: fe['email'][0]! } : {}), ...(fe['password'] ? { password: fe['password'][0]! } : {}) };
          await this.updateComplete;
          this.#input(fe['email'] ? 'email' : 'password')?.focus();
        } else this.alert = isRateLimitError(error) ? this.#t('tooMany') : `${this.#t('failed')}`;
        return;
      }
      // The token is spent: from now on this is a sign-in form; setting the password signed in.
      this.token = '';
      this.mode = 'sign-in';
      this.email = email;
      this.#signedIn(session);
      return;
    }
    try {
      await this.#signIn(email, password);
    } catch (error) {
      this.status = 'idle';
      this.alert = this.#describe(error);
      await this.updateComplete;
      this.#input('password')?.select();
    }
  }

  /** Ends the session (on the server too, best effort) and shows the sign-in form again. */
  async signOut(): Promise<void> {
    const token = this.session?.token;
    if (token && this.api) await this.api.account.signOut(token, { timeout: 5000 }).catch(() => undefined);
    this.dispatchEvent(new SignedOutEvent({ reason: 'signed-out' }));
  }

  #goSignIn = () => {
    this.token = '';
    this.mode = 'sign-in';
    this.status = 'idle';
    void this.updateComplete.then(() => this.#input('email')?.focus());
  };

  #goForgot = () => {
    // Whatever was typed as the e-mail on the sign-in form carries over.
    const typed = this.#input('email')?.value.trim();
    if (typed) this.email = typed;
    this.token = '';
    this.mode = 'forgot';
    this.status = 'idle';
    void this.updateComplete.then(() => this.#input('email')?.focus());
  };

  #field(name: Field, label: string, type: string, autocomplete: string, hint?: string) {
    const id = `${this.#id}-${name}`;
    const error = this.fieldErrors[name];
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div data-part="field">
      <label data-part="label" for=${id}>${label}</label>
      <input
        id=${id}
        name=${name === 'confirm' ? 'password-confirm' : name}
        type=${type}
        autocomplete=${autocomplete}
        required
        .value=${name === 'email' ? this.email : ''}
        ?readonly=${this.status === 'busy'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        autocapitalize="off"
        spellcheck="false"
      />
      ${hint ? html`<span data-part="hint" id=${`${id}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span data-part="error" id=${`${id}-error`}>${error}</span>` : nothing}
    </div>`;
  }

  #state(title: string, text: string) {
    return html`<section data-part="base" role="alert" aria-labelledby=${`${this.#id}-title`} data-state=${this.status}>
      <h2 id=${`${this.#id}-title`}>${title}</h2>
      <p>${text}</p>
      <button type="button" class="secondary" @click=${this.#goSignIn}>${this.#t('goSignIn')}</button>
      ${this.status === 'expired' || this.status === 'used' ? html`<button type="button" @click=${this.#goForgot}>${this.#recovery.t('askNewLink')}</button>` : nothing}
    </section>`;
  }

  /** "Confira seu e-mail": the same words whether or not an account holds the e-mail. */
  #sent() {
    const r = this.#recovery.t;
    return html`<section data-part="base" role="status" aria-labelledby=${`${this.#id}-title`} data-state="sent">
      <h2 id=${`${this.#id}-title`} tabindex="-1">${r('sentTitle')}</h2>
      <p>${r('sentText', { email: this.#sentTo, minutes: String(PASSWORD_RESET_TTL_MINUTES) })}</p>
      <button type="button" class="secondary" @click=${this.#goSignIn}>${r('backToSignIn')}</button>
    </section>`;
  }

  #forgot() {
    const t = this.#t;
    const r = this.#recovery.t;
    const busy = this.status === 'busy';
    return html`<form
      data-part="base"
      data-state="forgot"
      method="post"
      novalidate
      aria-labelledby=${`${this.#id}-title`}
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${this.#onSubmit}
    >
      <h2 id=${`${this.#id}-title`}>${r('forgotTitle')}</h2>
      <p>${r('forgotIntro')}</p>
      ${this.#field('email', t('email'), 'email', 'email')}
      <div role="alert">${this.alert ? html`<p data-part="alert">${this.alert}</p>` : nothing}</div>
      <button type="submit" data-part="submit" ?disabled=${busy}>${busy ? r('sending') : r('sendLink')}</button>
      <button type="button" class="secondary" @click=${this.#goSignIn}>${r('backToSignIn')}</button>
    </form>`;
  }

  override render() {
    const t = this.#t;
    switch (this.status) {
      case 'expired':
        return this.#state(t('expiredTitle'), t('expiredText'));
      case 'used':
        return this.#state(t('usedTitle'), t('usedText'));
      case 'invalid':
        return this.#state(t('invalidTitle'), t('invalidText'));
      case 'signed-in':
        return html`<cl-account-area .client=${this.api} .session=${this.session} lang=${this.resolvedLocale}></cl-account-area>`;
      case 'sent':
        return this.#sent();
    }
    if (this.view === 'forgot') return this.#forgot();
    const setting = this.view === 'set-password';
    const busy = this.status === 'busy';
    const reset = setting && this.variant === 'reset';
    const title = reset ? this.#recovery.t('resetTitle') : setting ? t(this.variant === 'migrated' ? 'migratedTitle' : this.variant === 'claim' ? 'claimTitle' : 'invitedTitle') : t('signInTitle');
    const intro = reset ? this.#recovery.t('resetIntro') : setting ? t(this.variant === 'migrated' ? 'migratedIntro' : this.variant === 'claim' ? 'claimIntro' : 'invitedIntro') : t('signInIntro');
    return html`<form
      data-part="base"
      data-state=${setting ? 'set-password' : 'sign-in'}
      method="post"
      novalidate
      aria-labelledby=${`${this.#id}-title`}
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${this.#onSubmit}
    >
      <h2 id=${`${this.#id}-title`}>${title}</h2>
      <p>${intro}</p>
      ${this.notice ? html`<p data-part="notice" role="status">${this.notice}</p>` : nothing}
      ${this.#field('email', t('email'), 'email', 'email')}
      ${setting
        ? html`${this.#field('password', t('newPassword'), 'password', 'new-password', t('passwordHint'))}
          ${this.#field('confirm', t('confirmPassword'), 'password', 'new-password')}`
        : this.#field('password', t('password'), 'password', 'current-password')}
      <div role="alert">${this.alert ? html`<p data-part="alert">${this.alert}</p>` : nothing}</div>
      <button type="submit" data-part="submit" ?disabled=${busy}>
        ${busy ? t(setting ? 'saving' : 'signingIn') : t(setting ? 'setPassword' : 'signIn')}
      </button>
      ${setting ? nothing : html`<button type="button" class="link" data-part="forgot" @click=${this.#goForgot}>${this.#recovery.t('forgot')}</button>`}
    </form>`;
  }
}
