import type { FieldRule, RegistrationSettings as Settings } from '@clientela/core';
import { COMPANY_SETTING_FIELDS, FIELD_RULES, PERSON_SETTING_FIELDS } from '@clientela/core/rules';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import type { RegistrationSettingsClient } from './registration-settings.client.js';
import { formControls } from '../internal/form-controls.styles.js';
import { tokens } from '../internal/tokens.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog, type Key } from './registration-settings.messages.js';
import { styles } from './registration-settings.styles.js';

type Kind = 'person' | 'company';

/** A padlock drawn inline: emoji fonts are missing on many systems. */
const lock = html`<svg class="lock" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14">${svg`<path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h1v8H3V7h1Zm2 0h4V5a2 2 0 1 0-4 0v2Z"/>`}</svg>`;

const LOCKED: Record<Kind, Key[]> = { person: ['cpf', 'firstName', 'lastName'], company: ['cnpj', 'legalName'] };
const FIELDS: Record<Kind, readonly string[]> = { person: PERSON_SETTING_FIELDS, company: COMPANY_SETTING_FIELDS };

/**
 * @summary Which registration fields are required, optional or hidden, per kind (persons and
 * companies), saved to the server. The document and the name can never be hidden: they are
 * shown locked, with the reason.
 *
 * @event change - The settings were saved; `settings` holds them.
 *
 * @csspart section - One kind's table.
 * @csspart save - The save button.
 * @cssproperty --cl-size-target - Height of the selects and the button (44px).
 */
export class RegistrationSettings extends ClientelaElement<RegistrationSettingsClient> {
  protected override clientModule(): ClientModule<RegistrationSettingsClient> {
    return import('./registration-settings.client.js');
  }

  static override styles = [tokens, formControls, styles];
  static override properties = {
    ...ClientelaElement.properties,
    settings: { attribute: false },
    _draft: { state: true },
    _busy: { state: true },
    _message: { state: true },
  };

  /** The settings shown (loaded with the client when not given); updated after a save. */
  declare settings: Settings | undefined;
  declare private _draft: Settings | undefined;
  declare private _busy: boolean;
  declare private _message: { text: string; ok: boolean } | undefined;

  constructor() {
    super();
    this.settings = undefined;
    this._draft = undefined;
    this._busy = false;
    this._message = undefined;
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('settings') && this.settings) this._draft = structuredClone(this.settings);
    if (!this.settings && this.connectionChanged(changed)) void this.#load();
  }

  async #load(): Promise<void> {
    const api = this.api;
    if (!api) return;
    try {
      this.settings = await api.settings.retrieve();
    } catch (error) {
      this._message = { text: (error as Error).message, ok: false };
    }
  }

  /** Saves the chosen rules; resolves to the saved settings. */
  async save(): Promise<Settings | undefined> {
    const api = this.api;
    if (!api || !this._draft) return undefined;
    this._busy = true;
    this._message = undefined;
    try {
      const saved = await api.settings.update(this._draft);
      this.settings = saved;
      this._message = { text: this.#t('saved'), ok: true };
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      return saved;
    } catch (error) {
      this._message = { text: this.#t('failed', { message: (error as Error).message }), ok: false };
      return undefined;
    } finally {
      this._busy = false;
    }
  }

  #set(kind: Kind, field: string, rule: FieldRule): void {
    if (!this._draft) return;
    const next = structuredClone(this._draft);
    (next[kind] as Record<string, FieldRule>)[field] = rule;
    this._draft = next;
    this._message = undefined;
  }

  #section(kind: Kind) {
    const t = this.#t;
    const draft = this._draft![kind] as Record<string, FieldRule>;
    const id = (f: string) => `${kind}-${f}`;
    return html`<section part="section" aria-labelledby="${kind}-title">
      <h3 id="${kind}-title">${t(kind)}</h3>
      <table>
        <thead>
          <tr><th scope="col">${t('field')}</th><th scope="col">${t('rule')}</th></tr>
        </thead>
        <tbody>
          ${LOCKED[kind].map(
            (f) => html`<tr class="locked">
              <th scope="row">${t(f)}</th>
              <td><span aria-describedby="locked-reason">${lock} ${t('locked')}</span></td>
            </tr>`,
          )}
          ${FIELDS[kind].map(
            (f) => html`<tr>
              <th scope="row"><label for=${id(f)}>${t(f as Key)}</label></th>
              <td>
                <select id=${id(f)} .value=${draft[f]!} @change=${(e: Event) => this.#set(kind, f, (e.target as HTMLSelectElement).value as FieldRule)}>
                  ${FIELD_RULES.map((r) => html`<option value=${r} ?selected=${draft[f] === r}>${t(r)}</option>`)}
                </select>
              </td>
            </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  }

  override render() {
    const t = this.#t;
    if (!this._draft) {
      return this._message ? html`<p role="alert" class="error">${this._message.text}</p>` : html`<p role="status">${t('loading')}</p>`;
    }
    return html`<h2>${t('title')}</h2>
      <p>${t('intro')}</p>
      <p id="locked-reason">${lock} ${t('lockedReason')}</p>
      <div class="sections">${this.#section('person')} ${this.#section('company')}</div>
      <div class="actions">
        <button type="button" class="primary" part="save" ?disabled=${this._busy} @click=${() => void this.save()}>
          ${this._busy ? t('saving') : t('save')}
        </button>
        <span role="status" class=${this._message?.ok ? 'ok' : 'error'}>${this._message?.text ?? nothing}</span>
      </div>`;
  }
}
