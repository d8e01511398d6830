import type { Customer, FieldRule, RegistrationSettings } from '@clientela/core';
import { isAuthError, isConflictError, isPreconditionFailedError, isValidationError } from '@clientela/core/errors';
import { formatDateBR, isMasked } from '@clientela/core/format';
import { issueMessage } from '@clientela/core/i18n';
import { DEFAULT_REGISTRATION_SETTINGS, isRegistrationPending, passwordIssue } from '@clientela/core/rules';
import { UFS } from '@clientela/core/rules';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { CategoryPicker } from '../category-picker/category-picker.component.js';
import { CustomerOpenEvent, CustomerSavedEvent, InvalidEvent, SignedInEvent, SignedOutEvent } from '../events/events.js';
import { errorText } from '../internal/error-text.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { CustomerFormClient } from './customer-form.client.js';
import { adoptLightDomStyles } from '../internal/light-dom.js';
import { LocalizeController } from '../internal/localize.controller.js';
import type { Translate } from '../internal/localize.js';
import { saveSession } from '../internal/session-store.js';
import { loadMessages, messages } from './customer-form.messages.js';
import { styles } from './customer-form.styles.js';
import { affectedPaths, fieldsOf, maskFor, requestBody, requiredErrors, rulesFor, type BodyOptions, type FormState, type Kind, type Mode } from './form-model.js';
import { applyMask, maskedLength, maskInput, type MaskKind } from './masks.js';

type Rule = FieldRule;
type T = Translate<keyof (typeof messages)['pt-BR']>;
type Label = Parameters<T>[0];

interface FieldOptions {
  label: Label;
  rule: Rule;
  type?: string;
  autocomplete?: string;
  inputmode?: string;
  mask?: MaskKind;
  maxlength?: number;
  hint?: string;
  wide?: boolean;
  disabled?: boolean;
  /** Show "(opcional)"; off inside a group that is optional as a whole. */
  note?: boolean;
  /** Rendered after the input (the document's reveal button). */
  after?: TemplateResult | typeof nothing;
}


let instances = 0;


/** What replaces a storefront form once sent: registered (signed in or not), a request, or "check your e-mail". */
interface Done {
  name: string;
  signedIn: boolean;
  password: boolean;
  pending: boolean;
  checkEmail?: boolean;
}
/**
 * @summary Registration and edit form for persons (CPF) and companies (CNPJ), with the
 * required/optional/hidden rules of the registration settings, masks as you type, CEP lookup,
 * core's validation and the server's field errors.
 *
 * Renders in light DOM inside a real `<form>` with standard `autocomplete` tokens, so browser
 * autofill and password managers work. Styles are scoped by the tag name.
 *
 * @event cl-customer-saved - A customer was created, registered or updated (`detail.customer`).
 * @event cl-invalid - Submit was refused; `detail.errors` maps field paths to messages.
 * @event cl-customer-open - The "open the existing customer" link of a duplicate document (admin).
 *
 * @cssproperty --cl-color-accent - Primary button and links.
 * @cssproperty --cl-color-danger - Error messages and invalid fields.
 * @cssproperty --cl-color-border - Lines; also input borders unless --cl-color-control-border is set.
 * @cssproperty --cl-color-control-border - Input borders (default #6b7788, 3:1 against the surface).
 * @cssproperty --cl-size-target - Minimum height of inputs and buttons (44px).
 * @cssproperty --cl-radius - Corner radius.
 */
export class CustomerForm extends ClientelaElement<CustomerFormClient> {
  protected override clientModule(): ClientModule<CustomerFormClient> {
    return import('./customer-form.client.js');
  }

  static override properties = {
    ...ClientelaElement.properties,
    mode: { type: String, reflect: true },
    kind: { type: String, reflect: true },
    customerId: { type: String, attribute: 'customer-id' },
    settings: { attribute: false },
    allowCreateCategory: { type: Boolean, attribute: 'allow-create-category' },
    accountUrl: { type: String, attribute: 'account-url' },
    session: { type: String },
    _done: { state: true },
    _selfRegistration: { state: true },
    _consentText: { state: true },
    _kind: { state: true },
    _rules: { state: true },
    _values: { state: true },
    _shown: { state: true },
    _summary: { state: true },
    _pending: { state: true },
    _status: { state: true },
    _cep: { state: true },
    _stale: { state: true },
    _conflictId: { state: true },
    _loadError: { state: true },
    _docMasked: { state: true },
    _revealing: { state: true },
    _revealError: { state: true },
  };

  /**
   * `admin` (secret key: create, edit, categories), `storefront` (publishable key:
   * self-registration with an optional password) or `account` (publishable key and `session`:
   * the signed-in shopper edits their own record, with the registration's rules).
   */
  declare mode: Mode;
  /** Fixes the kind (`person` or `company`) and hides the switch; empty shows the switch. */
  declare kind: Kind | '';
  /** Edit this customer (admin mode): loads it, and saves with `If-Match`. */
  declare customerId: string;
  /** Registration settings to use instead of loading them from the server. */
  declare settings: RegistrationSettings | undefined;
  /** Lets the category picker create a category inline (admin mode). */
  declare allowCreateCategory: boolean;
  /** Account mode: the signed-in shopper's session token. */
  declare session: string;
  /** Storefront: where "Minha conta" lives; the finished registration links to it. */
  declare accountUrl: string;
  /** Storefront: the finished registration, which replaces the form. */
  declare private _done: Done | undefined;
  /** Storefront: whether the catalog takes registrations (`open`), as requests (`approval`) or not at all (`off`). */
  declare private _selfRegistration: 'open' | 'approval' | 'off';
  /** Storefront: the store's current marketing consent text (LGPD), shown by the choices and recorded with them by version. */
  declare private _consentText: { version: number; text: string } | undefined;

  declare private _kind: Kind;
  declare private _rules: RegistrationSettings | undefined;
  declare private _values: Record<string, string>;
  declare private _shown: Record<string, string>;
  declare private _summary: Array<{ path: string; message: string }> | undefined;
  declare private _pending: boolean;
  declare private _status: string;
  declare private _cep: { text: string; found: boolean } | undefined;
  declare private _stale: Customer | undefined;
  declare private _conflictId: string | undefined;
  declare private _loadError: string;
  /** Edit: the record was read masked, so the document shows masked and cannot be edited. */
  declare private _docMasked: boolean;
  declare private _revealing: boolean;
  declare private _revealError: string;

  #uid = `cl-cf${++instances}`;
  #record: Customer | undefined;
  #checks: Record<string, boolean> = {};
  #categoryIds: string[] = [];
  #lastCep = '';
  /** What the last CEP answer wrote into street, district and city (a later answer replaces only these). */
  #cepFilled: Record<string, string> = {};
  #idempotency: { content: string; key: string } | undefined;
  #focusSummary = false;
  #loadToken = 0;
  /** The password a server check is running for (a newer value makes its answer stale). */
  #checkingPassword = '';
  /** Server errors stay on their field until its value changes (a blur must not clear them). */
  #serverErrors: Record<string, { message: string; value: string }> = {};
  /** Visible label of each rendered field, so the summary can say which field each error is on. */
  #labels: Record<string, string> = {};
  /** Core's schema checks (form-validation.ts), once loaded. */
  #validation: typeof import('./form-validation.js') | undefined;
  #validationLoading: Promise<void> | undefined;

  constructor() {
    super();
    this.mode = 'admin';
    this.kind = '';
    this.customerId = '';
    this.settings = undefined;
    this.allowCreateCategory = false;
    this.accountUrl = '';
    this.session = '';
    this._done = undefined;
    this._selfRegistration = 'open';
    this._kind = 'person';
    this._rules = undefined;
    this._values = {};
    this._shown = {};
    this._summary = undefined;
    this._pending = false;
    this._status = '';
    this._cep = undefined;
    this._stale = undefined;
    this._conflictId = undefined;
    this._loadError = '';
    this._docMasked = false;
    this._revealing = false;
    this._revealError = '';
  }

  /** Light DOM: autofill and password managers only see inputs outside shadow roots. */
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, styles);
  }

  readonly #l10n = new LocalizeController(this, { messages, loadMessages });
  get #t(): T {
    return this.#l10n.t;
  }

  /** The `<form>` element the inputs live in. */
  get formElement(): HTMLFormElement | null {
    return this.querySelector('form');
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Only staff assign categories: the storefront bundle never loads the picker.
    if (changed.has('mode') && this.mode === 'admin') void import('../category-picker/category-picker.js');
    if (changed.has('kind') && (this.kind === 'person' || this.kind === 'company')) this._kind = this.kind;
    if (changed.has('settings') && this.settings) this._rules = this.settings;
    if (this.connectionChanged(changed) || changed.has('mode') || changed.has('customerId') || changed.has('settings') || changed.has('session')) void this.#load();
  }

  protected override updated(): void {
    if (this.#focusSummary) {
      this.#focusSummary = false;
      this.querySelector<HTMLElement>('.cl-cf-summary')?.focus();
    }
  }

  async #load(): Promise<void> {
    const token = ++this.#loadToken;
    const api = this.api;
    this._loadError = '';
    let loadedRules: RegistrationSettings | undefined;
    try {
      if (!this.settings) {
        if (!api) return;
        const [rules, catalog] = await Promise.all([
          this.mode === 'admin' ? api.settings.retrieve() : api.settings.retrievePublic(),
          // A failed look-up leaves the form open: the server refuses a closed catalog anyway.
          this.mode === 'storefront' ? api.settings.retrieveCatalog().catch(() => undefined) : undefined,
        ]);
        if (catalog) this._selfRegistration = catalog.selfRegistration;
        // The consent text the shopper sees (none written: the labels alone); failing leaves the form usable.
        if (this.mode === 'storefront') this._consentText = (await api.consents.texts().catch(() => undefined))?.marketing;
        if (token !== this.#loadToken) return;
        // The fields appear only with the record they edit: set the rules (which render them)
        // after it has loaded, so nobody types into an empty form that the record then overwrites.
        loadedRules = rules;
      }
      if (this.mode === 'account' && api && this.session && !this.#record) {
        const record = await api.account.profile(this.session);
        if (token !== this.#loadToken) return;
        this.#fill(record);
      }
      if (this.mode !== 'account' && this.customerId && api && this.#record?.id !== this.customerId) {
        // Masked: opening the form is not a reveal (the audit log keeps only deliberate ones);
        // the document's own button reads it in full when the admin needs it.
        const record = await api.customers.retrieve(this.customerId, { document: 'masked' });
        if (token !== this.#loadToken) return;
        this._docMasked = false;
        this._revealError = '';
        this.#fill(record);
      }
      if (loadedRules) this._rules = loadedRules;
    } catch (error) {
      if (token !== this.#loadToken) return;
      if (loadedRules && !this._rules) this._rules = loadedRules;
      // Without the settings the form still works with the defaults; a missing record does not.
      if (!this._rules) this._rules = DEFAULT_REGISTRATION_SETTINGS;
      if (this.mode === 'account' && isAuthError(error)) this.dispatchEvent(new SignedOutEvent({ reason: 'expired' }));
      if (this.customerId || this.mode === 'account') this._loadError = `${this.#t('loadFailed')} ${errorText(error, this.resolvedLocale)}`;
    }
  }

  /**
   * Loads core's schema checks. They bring zod, a third of the form's bytes, which a page should
   * not pay for before anyone uses the form: they load on the first focus or input, and with a
   * stored record (whose values can be checked at once); `submit()` waits for them.
   */
  #loadValidation(): Promise<void> {
    this.#validationLoading ??= import('./form-validation.js').then((module) => {
      this.#validation = module;
    });
    return this.#validationLoading;
  }

  /** `updateComplete` also waits for the schema checks a first input started loading. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#validation || !this.#validationLoading) return done;
    await this.#validationLoading;
    return super.getUpdateComplete();
  }

  /** Puts a stored record into the fields (edit, reload after a 412). */
  #fill(record: Customer): void {
    void this.#loadValidation();
    this.#record = record;
    this._kind = record.kind;
    // Once masked, the document stays masked (a save's answer included) until revealed.
    if (isMasked(record.document)) this._docMasked = true;
    const { values, checks, categoryIds } = fieldsOf(record, this._docMasked);
    this.#checks = { ...this.#checks, ...checks };
    this.#lastCep = (values['address.postalCode'] ?? '').replace(/\D/g, '');
    this.#cepFilled = {};
    this.#categoryIds = categoryIds;
    this._values = values;
    this._shown = {};
    this._summary = undefined;
  }

  // ---- rules and body -----------------------------------------------------------------------

  #rulesFor(kind: Kind): Record<string, Rule> {
    return rulesFor(this._rules, kind);
  }

  /** What the fields hold now. */
  get #state(): FormState {
    return { kind: this._kind, values: this._values, checks: this.#checks };
  }

  /** How the body is made for this form and record (see form-model.ts). */
  #bodyOptions(): BodyOptions {
    return { mode: this.mode, rules: this.#rulesFor(this._kind), categoryIds: this.#categoryIds, docMasked: this._docMasked, storedDocument: this.#record?.document };
  }

  /** The request body for the current inputs (`patch`: empty optional fields become `null`). */
  #body(patch = false): Record<string, unknown> {
    return requestBody(this.#state, { ...this.#bodyOptions(), patch });
  }

  /**
   * Every problem with the current inputs, by path (first message only). Before the schema checks
   * have loaded only the required fields are checked: with nothing typed or filled that is the
   * whole answer, and from the first input until they arrive (`updateComplete` waits for them)
   * it is all the form can say synchronously.
   */
  #validate(): Record<string, string> {
    const locale = this.resolvedLocale;
    const errors = (this.#validation?.fieldErrors ?? requiredErrors)(this.#state, this.#bodyOptions(), locale);
    if (this.mode === 'storefront' && this._selfRegistration === 'approval' && !this._values['password']) errors['password'] ??= issueMessage('required', locale);
    if (this.mode === 'storefront' && this._values['password'] !== (this._values['passwordConfirm'] ?? '') && this._values['password']) {
      errors['passwordConfirm'] ??= this.#t('passwordMismatch');
    }
    for (const [path, { message, value }] of Object.entries(this.#serverErrors)) {
      if ((this._values[path] ?? '') === value) errors[path] ??= message;
      else delete this.#serverErrors[path];
    }
    return errors;
  }

  // ---- public API -------------------------------------------------------------------------

  /** True when the inputs pass every rule; shows nothing. */
  checkValidity(): boolean {
    return Object.keys(this.#validate()).length === 0;
  }

  /** Like `checkValidity`, but shows the errors under the fields and the summary, which takes focus. */
  reportValidity(): boolean {
    return this.#show(this.#validate());
  }

  /** Shows `errors` under the fields and in the summary (which takes focus); true when none. */
  #show(errors: Record<string, string>): boolean {
    const entries = Object.entries(errors);
    this._shown = errors;
    this._summary = entries.length ? entries.map(([path, message]) => ({ path, message })) : undefined;
    if (!entries.length) return true;
    this.#focusSummary = true;
    this.dispatchEvent(new InvalidEvent({ errors: Object.fromEntries(entries.map(([p, m]) => [p, [m]])) }));
    return false;
  }

  /** Validates and saves; resolves to the saved customer, or `undefined` when refused or pending. */
  async submit(): Promise<Customer | undefined> {
    if (!this.#validation) await this.#loadValidation();
    if (this._pending) return undefined;
    this._status = '';
    this._conflictId = undefined;
    if (!this.reportValidity()) return undefined;
    return this.#save();
  }

  /** Clears the inputs (or, when editing, puts the stored record back). */
  reset(): void {
    this._done = undefined;
    this._values = {};
    this.#serverErrors = {};
    this.#checks = {};
    this.#categoryIds = [];
    this._shown = {};
    this._summary = undefined;
    this._status = '';
    this._cep = undefined;
    this._stale = undefined;
    this._conflictId = undefined;
    this.#lastCep = '';
    this.#cepFilled = {};
    if (this.kind === 'person' || this.kind === 'company') this._kind = this.kind;
    if (this.#record) this.#fill(this.#record);
    const picker = this.querySelector<CategoryPicker>('cl-category-picker');
    if (picker) picker.value = [...this.#categoryIds];
  }

  async #save(overwrite?: Customer): Promise<Customer | undefined> {
    const api = this.api;
    if (!api) return undefined;
    this._pending = true;
    const t = this.#t;
    try {
      let customer: Customer;
      const editing = Boolean(this.#record);
      if (this.#record) {
        const { kind: _kind, ...patch } = this.#body(true);
        const target = overwrite ?? this.#record;
        if (this.mode === 'account') {
          // The document identifies the customer to the store: the shopper cannot change it.
          delete patch['document'];
          customer = await api.account.updateProfile(this.session, target, patch as never);
        } else customer = await api.customers.update({ id: target.id, version: target.version }, patch);
        this.#fill(customer);
        this._stale = undefined;
      } else {
        // A customer registered in the admin panel says so (the server's default is "api").
        const body =
          this.mode === 'admin'
            ? { ...this.#body(), source: 'admin' }
            : this._consentText
              ? { ...this.#body(), consentTextVersion: this._consentText.version }
              : this.#body();
        const content = JSON.stringify(body);
        // The same content keeps its key, so a retry after a lost answer never makes two customers.
        if (this.#idempotency?.content !== content) this.#idempotency = { content, key: crypto.randomUUID() };
        const options = { idempotencyKey: this.#idempotency.key };
        const result =
          this.mode === 'storefront'
            ? await api.account.register(body as never, options)
            : await api.customers.create(body as never, options);
        // The store already holds this document or e-mail: a link to finish went to the e-mail it
        // has on file (the answer is the same whatever that record is, so it is said that way).
        if (isRegistrationPending(result)) {
          await this.#awaitEmail();
          return undefined;
        }
        customer = result;
        this.#record = this.mode === 'admin' ? customer : undefined;
        if (this.mode === 'admin') this.#fill(customer);
      }
      this.#serverErrors = {};
      this._status = t(editing ? 'saved' : this.mode === 'storefront' ? 'registered' : 'created');
      this.dispatchEvent(new CustomerSavedEvent({ customer, created: !editing }));
      if (this.mode === 'storefront' && !editing) await this.#finishRegistration(customer);
      return customer;
    } catch (error) {
      this.#serverError(error);
      return undefined;
    } finally {
      this._pending = false;
    }
  }

  /**
   * A finished self-registration replaces the form with what comes next: with a password the
   * shopper is signed in (the session is kept for "Minha conta"); a sign-in that fails (a flaky
   * network) only means they sign in themselves, the registration itself is done.
   */
  async #finishRegistration(customer: Customer): Promise<void> {
    const password = this._values['password'] ?? '';
    const name = customer.kind === 'company' ? customer.legalName : customer.firstName;
    let signedIn = false;
    if (password && customer.email && customer.account.status === 'active') {
      try {
        const session = await this.api!.account.signIn({ email: customer.email, password });
        saveSession(session);
        signedIn = true;
        this.dispatchEvent(new SignedInEvent({ session }));
      } catch {
        // registered; the "Minha conta" link leads to the sign-in form
      }
    }
    this._values = {};
    this.#idempotency = undefined;
    this._done = { name, signedIn, password: Boolean(password), pending: customer.account.status === 'pending' };
    await this.updateComplete;
    this.querySelector<HTMLElement>('.cl-cf-done h2')?.focus();
  }

  /** "Check your e-mail to finish": nothing was created, and what was typed is not kept. */
  async #awaitEmail(): Promise<void> {
    this.#serverErrors = {};
    this._status = '';
    this._values = {};
    this.#idempotency = undefined;
    this._done = { name: '', signedIn: false, password: false, pending: false, checkEmail: true };
    await this.updateComplete;
    this.querySelector<HTMLElement>('.cl-cf-done h2')?.focus();
  }

  #serverError(error: unknown): void {
    const t = this.#t;
    if (this.mode === 'account' && isAuthError(error)) {
      this.dispatchEvent(new SignedOutEvent({ reason: 'expired' }));
      return;
    }
    const shown: Record<string, string> = {};
    if (isValidationError(error)) {
      for (const [path, list] of Object.entries(error.fieldErrors)) if (list[0]) shown[path || ''] = list[0];
      if (Object.keys(shown).length === 0) shown[''] = error.message;
    } else if (isConflictError(error)) {
      shown['document'] = error.message || t('duplicate');
      this._conflictId = this.mode === 'admin' ? error.existingId : undefined;
    } else if (isPreconditionFailedError(error)) {
      this._stale = (error.current as Customer | undefined) ?? this.#record;
      return;
    } else {
      // An outage (503, no network): the reason in the admin's words, not the server's detail.
      shown[''] = `${t('failed')} ${errorText(error, this.resolvedLocale)}`;
    }
    this.#serverErrors = {};
    for (const [path, message] of Object.entries(shown)) if (path) this.#serverErrors[path] = { message, value: this._values[path] ?? '' };
    this.#show(shown);
  }

  // ---- events -------------------------------------------------------------------------------

  #idFor(path: string): string {
    return `${this.#uid}-${path.replace(/\./g, '-')}`;
  }

  #onFocusIn = () => {
    void this.#loadValidation();
  };

  #onInput = (event: Event) => {
    void this.#loadValidation();
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    const path = input.name;
    if (!path || input.closest('cl-category-picker')) return;
    if (input instanceof HTMLInputElement && input.type === 'checkbox') {
      this.#checks[path] = input.checked;
      // Checks are not reactive state; render so the next reset finds the DOM in step.
      this.requestUpdate();
      if (path === 'ieExempt') this._values = { ...this._values, stateRegistration: '' };
      this.#revalidate(path);
      return;
    }
    if (input instanceof HTMLInputElement && input.type === 'radio') {
      if (path === 'kind') this.#switchKind(input.value as Kind);
      return;
    }
    // An ISO date (pasted or autofilled) is shown the Brazilian way before the mask reads it.
    if (path === 'birthDate' && /^\d{4}-\d{2}-\d{2}$/.test(input.value.trim())) input.value = formatDateBR(input.value);
    const mask = maskFor(path, this._kind);
    const value = mask && input instanceof HTMLInputElement ? maskInput(mask, input) : input.value;
    this._values = { ...this._values, [path]: value };
    if (path === 'address.postalCode') void this.#lookupCep(value);
    this.#revalidate(path);
  };

  /** While an error shows on a field, re-check as the person types so it clears once fixed. */
  #revalidate(path: string): void {
    const related = affectedPaths(path);
    if (!related.some((p) => p in this._shown)) return;
    const errors = this.#validate();
    const shown = { ...this._shown };
    for (const p of related) {
      if (!(p in shown)) continue;
      if (errors[p]) shown[p] = errors[p];
      else delete shown[p];
    }
    this._shown = shown;
  }

  #onBlur = (event: FocusEvent) => {
    const input = event.target as HTMLElement & { name?: string; type?: string };
    const path = input.name ?? "";
    if (!path || !(input instanceof HTMLInputElement || input instanceof HTMLSelectElement) || input.closest('cl-category-picker')) return;
    if (input.type === 'radio' || input.type === 'checkbox') return;
    // Nothing typed yet: don't scold a person who only tabbed through.
    if (!this._values[path] && !(path in this._shown)) return;
    const errors = this.#validate();
    const shown = { ...this._shown };
    if (errors[path]) shown[path] = errors[path];
    else delete shown[path];
    this._shown = shown;
    if (path === 'password' && this.mode === 'storefront' && !errors[path]) void this.#checkPassword(this._values['password'] ?? '');
  };

  /**
   * Asks the server whether the new password is acceptable (the common-password list is too large
   * to ship), so the reason shows before submitting. A failed check says nothing: the server
   * applies the same rules when the form is sent.
   */
  async #checkPassword(password: string): Promise<void> {
    if (!password || !this.api || this.#checkingPassword === password) return;
    this.#checkingPassword = password;
    try {
      const verdict = await this.api.account.checkPassword({ password }, { timeout: 8000 });
      if ((this._values['password'] ?? '') !== password || verdict.acceptable) return;
      const message = verdict.errors[0]?.message ?? this.#t('passwordWeak');
      this.#serverErrors['password'] = { message, value: password };
      this._shown = { ...this._shown, password: message };
    } catch {
      // unchecked; the server says it on submit
    } finally {
      if (this.#checkingPassword === password) this.#checkingPassword = '';
    }
  }

  #switchKind(kind: Kind): void {
    if (kind === this._kind) return;
    this._kind = kind;
    const doc = this._values['document'] ?? '';
    this._values = { ...this._values, document: applyMask(kind === 'person' ? 'cpf' : 'cnpj', doc) };
    this._shown = {};
    this._summary = undefined;
  }

  async #lookupCep(value: string): Promise<void> {
    const digits = value.replace(/\D/g, '');
    if (digits.length !== 8) {
      if (this._cep) this._cep = undefined;
      return;
    }
    if (digits === this.#lastCep) return;
    this.#lastCep = digits;
    const api = this.api;
    if (!api) return;
    const t = this.#t;
    this._cep = { text: t('cepLooking'), found: false };
    try {
      const found = await api.addresses.lookupCep(digits);
      if (this.#lastCep !== digits) return;
      // What the answer does not know (a CEP that covers a whole city, or only a UF) keeps what the
      // person typed, but not what an earlier CEP filled: after a corrected CEP in another city,
      // the old CEP's street would otherwise stay beside the new city.
      const keep = (field: 'street' | 'district' | 'city') => {
        const current = this._values[`address.${field}`] ?? '';
        return current && current === this.#cepFilled[field] ? '' : current;
      };
      const filled = { street: found.street || keep('street'), district: found.district || keep('district'), city: found.city || keep('city') };
      this.#cepFilled = { street: found.street, district: found.district, city: found.city };
      this._values = {
        ...this._values,
        'address.street': filled.street,
        'address.district': filled.district,
        'address.city': filled.city,
        'address.state': found.state,
      };
      // Say what the CEP filled, so a CEP that covers a whole city (or only a UF) asks for the rest.
      this._cep = { text: t(found.precision === 'city' ? 'cepCity' : found.precision === 'state' ? 'cepState' : 'cepFound'), found: true };
      const shown = { ...this._shown };
      for (const k of ['street', 'district', 'city', 'state', 'postalCode']) delete shown[`address.${k}`];
      this._shown = shown;
    } catch (error) {
      if (this.#lastCep !== digits) return;
      this._cep = { text: t((error as Error)?.name === 'NotFoundError' ? 'cepNotFound' : 'cepFailed'), found: false };
    }
  }

  #onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    void this.submit();
  };

  #onReset = (event: Event) => {
    event.preventDefault();
    this.reset();
  };

  #onPickerChange = (event: Event) => {
    this.#categoryIds = [...(event.target as CategoryPicker).value];
    if ('categoryIds' in this._shown) {
      const shown = { ...this._shown };
      delete shown['categoryIds'];
      this._shown = shown;
    }
  };

  #focusField(path: string, event: Event): void {
    event.preventDefault();
    const el = this.querySelector<HTMLElement>(`#${CSS.escape(this.#idFor(path))}`);
    el?.focus();
  }

  // ---- rendering ----------------------------------------------------------------------------

  #field(path: string, o: FieldOptions): TemplateResult | typeof nothing {
    if (o.rule === 'hidden') return nothing;
    const t = this.#t;
    const id = this.#idFor(path);
    const error = this._shown[path];
    this.#labels[path] = t(o.label);
    const described = [o.hint ? `${id}-hint` : '', error ? `${id}-error` : '', path === 'address.postalCode' && this._cep ? `${id}-status` : '']
      .filter(Boolean)
      .join(' ');
    return html`<div class="cl-cf-field ${o.wide ? 'cl-cf-wide' : ''}">
      <label for=${id}>${t(o.label)} ${o.rule === 'optional' && o.note !== false ? html`<span class="cl-cf-note">${t('optional')}</span>` : nothing}</label>
      <input id=${id} name=${path} type=${o.type ?? 'text'} autocomplete=${o.autocomplete ?? 'off'} inputmode=${o.inputmode ?? nothing} maxlength=${o.maxlength ?? nothing} ?required=${o.rule === 'required'} ?disabled=${o.disabled ?? false} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described || nothing} .value=${this._values[path] ?? ''} />
      ${o.hint ? html`<span class="cl-cf-hint" id="${id}-hint">${o.hint}</span>` : nothing}
      ${path === 'address.postalCode'
        ? html`<span class="cl-cf-hint" id="${id}-status" role="status">${this._cep?.text ?? ''}</span>`
        : nothing}
      <span class="cl-cf-error" id="${id}-error">${error ?? ''}</span>
      ${o.after ?? nothing}
    </div>`;
  }

  /** Edit with a masked document: the button that reads it in full (an audited reveal). */
  #revealButton(): TemplateResult | typeof nothing {
    if (!this._docMasked || this.mode === 'account') return nothing;
    const t = this.#t;
    return html`<span class="cl-cf-hint">${t('revealNote')}</span>
      <button type="button" class="cl-cf-reveal" ?disabled=${this._revealing} @click=${this.#revealDocument}>
        ${this._revealing ? t('revealing') : t('revealDocument')}
      </button>
      ${this._revealError ? html`<span class="cl-cf-error" role="alert">${this._revealError}</span>` : nothing}`;
  }

  /**
   * Reads the full record (audited as a reveal) and makes the document editable. Only the
   * document is taken from it: the person's other edits and the version they started from stay.
   */
  #revealDocument = async () => {
    const api = this.api;
    const record = this.#record;
    if (!api || !record || this._revealing) return;
    this._revealing = true;
    this._revealError = '';
    try {
      const full = await api.customers.retrieve(record.id);
      if (this.#record?.id !== record.id) return;
      this.#record = { ...this.#record, document: full.document };
      this._docMasked = false;
      this._values = { ...this._values, document: applyMask(full.kind === 'person' ? 'cpf' : 'cnpj', full.document) };
      await this.updateComplete;
      this.querySelector<HTMLInputElement>(`#${CSS.escape(this.#idFor('document'))}`)?.focus();
    } catch (error) {
      this._revealError = `${this.#t('revealFailed')} ${errorText(error, this.resolvedLocale)}`;
    } finally {
      this._revealing = false;
    }
  };

  #check(path: string, label: string): TemplateResult {
    const id = this.#idFor(path);
    return html`<div class="cl-cf-check">
      <input type="checkbox" id=${id} name=${path} .checked=${Boolean(this.#checks[path])} />
      <label for=${id}>${label}</label>
    </div>`;
  }

  #address(rule: Rule): TemplateResult | typeof nothing {
    if (rule === 'hidden') return nothing;
    const t = this.#t;
    const sub = (r: boolean): Rule => (rule === 'required' && r ? 'required' : 'optional');
    const note = rule === 'required';
    const stateId = this.#idFor('address.state');
    const stateError = this._shown['address.state'];
    this.#labels['address.state'] = t('state');
    return html`<fieldset>
      <legend>${t('address')} ${rule === 'optional' ? html`<span class="cl-cf-note">${t('optional')}</span>` : nothing}</legend>
      <div class="cl-cf-grid">
        ${this.#field('address.postalCode', { label: 'postalCode', rule: sub(true), autocomplete: 'postal-code', inputmode: 'numeric', maxlength: maskedLength('cep'), note })}
        <div></div>
        ${this.#field('address.street', { label: 'street', rule: sub(true), autocomplete: 'address-line1', wide: true, note })}
        ${this.#field('address.number', { label: 'number', rule: 'optional', autocomplete: 'off', inputmode: 'text', maxlength: 20, note })}
        ${this.#field('address.complement', { label: 'complement', rule: 'optional', autocomplete: 'address-line2', note })}
        ${this.#field('address.district', { label: 'district', rule: 'optional', autocomplete: 'address-level3', note })}
        ${this.#field('address.city', { label: 'city', rule: sub(true), autocomplete: 'address-level2', note })}
        <div class="cl-cf-field">
          <label for=${stateId}>${t('state')}</label>
          <select id=${stateId} name="address.state" autocomplete="address-level1" ?required=${rule === 'required'} aria-invalid=${stateError ? 'true' : 'false'} aria-describedby=${stateError ? `${stateId}-error` : nothing} .value=${this._values['address.state'] ?? ''} >
            <option value="">${t('choose')}</option>
            ${UFS.map((uf) => html`<option value=${uf} ?selected=${this._values['address.state'] === uf}>${uf}</option>`)}
          </select>
          <span class="cl-cf-error" id="${stateId}-error">${stateError ?? ''}</span>
        </div>
      </div>
    </fieldset>`;
  }

  #strength(): TemplateResult | typeof nothing {
    const p = this._values['password'] ?? '';
    if (!p) return nothing;
    const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(p)).length;
    const key = passwordIssue(p) || this.#serverErrors['password']?.value === p ? 'passwordWeak' : p.length >= 12 && classes >= 3 ? 'passwordStrong' : classes >= 2 ? 'passwordFair' : 'passwordWeak';
    return html`${this.#t(key)}`;
  }

  override render() {
    const t = this.#t;
    if (!this._rules) return html`<p role="status">${t('loading')}</p>`;
    if (this._loadError)
      return html`<div role="alert" class="cl-cf-banner">
        <p>${this._loadError}</p>
        <button type="button" class="cl-cf-retry" @click=${() => void this.#load()}>${t('retry')}</button>
      </div>`;
    if (this._done) return this.#renderDone(this._done);
    if (this.mode === 'storefront' && this._selfRegistration === 'off') {
      return html`<section class="cl-cf-done" data-state="closed"><h2>${t('closedTitle')}</h2><p>${t('closedText')}</p></section>`;
    }
    const kind = this._kind;
    const r = this.#rulesFor(kind);
    const showSwitch = !this.kind && !this.#record;
    const person = kind === 'person';
    const pwId = this.#idFor('password');
    const submitLabel = this.#record ? t('save') : this.mode === 'storefront' ? t('register') : t('create');
    const summaryTitle = this._summary?.length === 1 ? t('summaryOne') : t('summary', { count: this._summary?.length ?? 0 });
    return html`<form class="cl-cf-form" novalidate @submit=${this.#onSubmit} @reset=${this.#onReset} @input=${this.#onInput} @change=${this.#onInput} @focusin=${this.#onFocusIn} @focusout=${this.#onBlur}>
      ${this._summary?.length
        ? html`<div class="cl-cf-summary" tabindex="-1" aria-labelledby="${this.#uid}-summary">
            <h2 id="${this.#uid}-summary">${summaryTitle}</h2>
            <ul>
              ${this._summary.map(({ path, message }) =>
                path !== ''
                  ? html`<li><a href="#${this.#idFor(path)}" @click=${(e: Event) => this.#focusField(path, e)}>${this.#labels[path] ? `${this.#labels[path]}: ` : ''}${message}</a></li>`
                  : html`<li>${message}</li>`,
              )}
            </ul>
            ${this._conflictId
              ? html`<p><a href="#${this._conflictId}" @click=${this.#openExisting}>${t('openExisting')}</a></p>`
              : nothing}
          </div>`
        : nothing}
      ${this._stale
        ? html`<div class="cl-cf-banner" role="alert">
            <p>${t('stale')}</p>
            <div class="cl-cf-actions">
              <button type="button" @click=${this.#reloadStale}>${t('reload')}</button>
              <button type="button" @click=${this.#overwrite}>${t('overwrite')}</button>
            </div>
          </div>`
        : nothing}
      ${showSwitch
        ? html`<fieldset>
            <legend>${t('kind')}</legend>
            <div class="cl-cf-kind">
              ${(['person', 'company'] as const).map(
                (k) => html`<div class="cl-cf-check">
                  <input type="radio" id=${this.#idFor(`kind-${k}`)} name="kind" value=${k} .checked=${kind === k} />
                  <label for=${this.#idFor(`kind-${k}`)}>${t(k)}</label>
                </div>`,
              )}
            </div>
          </fieldset>`
        : nothing}
      ${person
        ? html`<fieldset>
            <legend>${t('personal')}</legend>
            <div class="cl-cf-grid">
              ${this.#field('firstName', { label: 'firstName', rule: 'required', autocomplete: 'given-name', maxlength: 80 })}
              ${this.#field('lastName', { label: 'lastName', rule: 'required', autocomplete: 'family-name', maxlength: 120 })}
              ${this.#field('document', { label: 'cpf', rule: 'required', inputmode: 'numeric', maxlength: maskedLength('cpf'), disabled: this.mode === 'account' || this._docMasked, after: this.#revealButton() })}
              ${this.#field('birthDate', { label: 'birthDate', rule: r['birthDate']!, autocomplete: 'bday', inputmode: 'numeric', maxlength: maskedLength('date'), hint: t('birthDateHint') })}
            </div>
          </fieldset>`
        : html`<fieldset>
              <legend>${t('companyData')}</legend>
              <div class="cl-cf-grid">
                ${this.#field('legalName', { label: 'legalName', rule: 'required', autocomplete: 'organization', maxlength: 160, wide: true })}
                ${this.#field('tradeName', { label: 'tradeName', rule: r['tradeName']!, autocomplete: 'off', maxlength: 160, wide: true })}
                ${this.#field('document', { label: 'cnpj', rule: 'required', inputmode: 'text', maxlength: maskedLength('cnpj'), hint: t('cnpjHint'), disabled: this.mode === 'account' || this._docMasked, after: this.#revealButton() })}
                <div class="cl-cf-field">
                  ${this.#field('stateRegistration', {
                    label: 'stateRegistration',
                    rule: r['stateRegistration']!,
                    maxlength: 20,
                    disabled: Boolean(this.#checks['ieExempt']),
                  })}
                  ${r['stateRegistration'] !== 'hidden' ? this.#check('ieExempt', t('exempt')) : nothing}
                </div>
                ${this.#field('municipalRegistration', { label: 'municipalRegistration', rule: r['municipalRegistration']!, maxlength: 20 })}
              </div>
            </fieldset>
            ${r['firstName'] !== 'hidden' || r['phone'] !== 'hidden'
              ? html`<fieldset>
                  <legend>${t('responsible')}</legend>
                  <div class="cl-cf-grid">
                    ${this.#field('firstName', { label: 'responsibleFirstName', rule: r['firstName']!, autocomplete: 'given-name', maxlength: 80 })}
                    ${this.#field('lastName', { label: 'responsibleLastName', rule: r['lastName']!, autocomplete: 'family-name', maxlength: 120 })}
                    ${this.#field('phone', { label: 'responsiblePhone', rule: r['phone']!, type: 'tel', autocomplete: 'tel-national', inputmode: 'tel', maxlength: maskedLength('phone') })}
                    ${r['phone'] !== 'hidden' ? this.#check('whatsapp', t('whatsapp')) : nothing}
                  </div>
                </fieldset>`
              : nothing}`}
      <fieldset>
        <legend>${t('contact')}</legend>
        <div class="cl-cf-grid">
          ${this.#field('email', { label: 'email', rule: r['email']!, type: 'email', autocomplete: 'email', inputmode: 'email', maxlength: 254, wide: true })}
          ${person ? this.#field('phone', { label: 'phone', rule: r['phone']!, type: 'tel', autocomplete: 'tel-national', inputmode: 'tel', maxlength: maskedLength('phone') }) : nothing}
          ${person && r['phone'] !== 'hidden' ? this.#check('whatsapp', t('whatsapp')) : nothing}
        </div>
      </fieldset>
      ${this.#address(r['address']!)}
      ${this.mode === 'admin'
        ? html`<div class="cl-cf-field">
            <cl-category-picker
              multiple
              name="categoryIds"
              label=${t('categories')}
              ?allow-create=${this.allowCreateCategory}
              .client=${this.api}
              lang=${this.resolvedLocale}
              .value=${this.#categoryIds}
              @change=${this.#onPickerChange}
            ></cl-category-picker>
          </div>`
        : nothing}
      <fieldset>
        <legend>${t('consent')}</legend>
        ${this.mode === 'storefront' && this._consentText ? html`<p class="cl-cf-hint" data-consent-text>${this._consentText.text}</p>` : nothing}
        <div class="cl-cf-checks">
          ${this.#check('consent.email', t('consentEmail'))} ${this.#check('consent.sms', t('consentSms'))}
          ${this.#check('consent.whatsapp', t('consentWhatsapp'))}
        </div>
      </fieldset>
      ${this.mode === 'storefront'
        ? html`<fieldset>
            <legend>${t('password')} ${this._selfRegistration === 'approval' ? nothing : html`<span class="cl-cf-note">${t('optional')}</span>`}</legend>
            ${this._selfRegistration === 'approval' ? html`<p class="cl-cf-hint">${t('approvalHint')}</p>` : nothing}
            <div class="cl-cf-grid">
              ${this.#field('password', { label: 'password', rule: this._selfRegistration === 'approval' ? 'required' : 'optional', type: 'password', autocomplete: 'new-password', hint: t('passwordHint'), maxlength: 200 })}
              ${this.#field('passwordConfirm', { label: 'passwordConfirm', rule: this._selfRegistration === 'approval' ? 'required' : 'optional', type: 'password', autocomplete: 'new-password', maxlength: 200 })}
              <span class="cl-cf-strength cl-cf-wide" id="${pwId}-strength" aria-live="polite">${this.#strength()}</span>
            </div>
          </fieldset>`
        : nothing}
      <p class=${this._status ? 'cl-cf-success' : 'cl-cf-vh'} role="status">${this._status}</p>
      <div class="cl-cf-actions">
        <button type="submit" class="cl-cf-primary" ?disabled=${this._pending} aria-disabled=${this._pending ? 'true' : 'false'}>
          ${this._pending ? t('saving') : submitLabel}
        </button>
        <button type="reset" ?disabled=${this._pending}>${t('reset')}</button>
      </div>
    </form>`;
  }

  #renderDone(done: Done): TemplateResult {
    const t = this.#t;
    if (done.checkEmail) {
      return html`<section class="cl-cf-done" data-state="check-email" aria-labelledby="${this.#uid}-done">
        <h2 id="${this.#uid}-done" tabindex="-1">${t('checkEmailTitle')}</h2>
        <p role="status">${t('checkEmail')}</p>
        <p>${t('checkEmailHelp')}</p>
      </section>`;
    }
    const next = done.pending ? 'donePending' : done.signedIn ? 'doneSignedIn' : done.password ? 'doneSignIn' : 'doneNoPassword';
    return html`<section class="cl-cf-done" data-state=${done.pending ? 'requested' : 'registered'} aria-labelledby="${this.#uid}-done">
      <h2 id="${this.#uid}-done" tabindex="-1">${t(done.pending ? 'donePendingTitle' : 'doneTitle', { name: done.name })}</h2>
      <p role="status">${t(next)}</p>
      ${this.accountUrl && !done.pending && (done.signedIn || done.password) ? html`<p><a class="cl-cf-primary" href=${this.accountUrl}>${t('goToAccount')}</a></p>` : nothing}
    </section>`;
  }

  #openExisting = (event: Event) => {
    event.preventDefault();
    if (this._conflictId) this.dispatchEvent(new CustomerOpenEvent({ id: this._conflictId }));
  };

  #reloadStale = () => {
    if (this._stale) this.#fill(this._stale);
    this._stale = undefined;
  };

  #overwrite = () => {
    const current = this._stale;
    if (current) void this.#save(current);
  };
}
