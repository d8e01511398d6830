import type { ConsentHistory, ConsentTexts, PrivacyRequest } from '@clientela/core';
import { CONSENT_CHANNEL_LABELS, PRIVACY_REQUEST_STATUS_LABELS, PRIVACY_REQUEST_TYPE_LABELS } from '@clientela/core/i18n';
import { html, LitElement, type PropertyValues } from 'lit';
import { saveBlob } from '../internal/download.js';
import { errorText } from '../internal/error-text.js';
import { formatDate } from '../internal/localize.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './account-privacy.messages.js';
import type { Locale } from '@clientela/core/i18n';
import type { ClientelaClient } from '@clientela/core/client';

const CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const;
type Channel = (typeof CHANNELS)[number];

let instances = 0;

/**
 * @summary The privacy panel of "Minha conta" (LGPD): marketing consent per channel, with the text
 * the store wrote (its version goes with the choice, so the history says what was shown);
 * "Baixar meus dados" (the archive of everything held about the shopper); "Excluir minha conta"
 * (a deletion request, confirmed, with the store's legal deadline); the shopper's requests.
 *
 * @internal Part of `<cl-account-area>`; renders in light DOM like it.
 */
export class AccountPrivacy extends LitElement {
  static override properties = {
    client: { attribute: false },
    session: { attribute: false },
    locale: { type: String },
    history: { state: true },
    texts: { state: true },
    requests: { state: true },
    choice: { state: true },
    busy: { state: true },
    status: { state: true },
    confirming: { state: true },
  };

  /** The client (with `consents` and `privacyRequests`). */
  declare client: Pick<ClientelaClient, 'consents' | 'privacyRequests'> | undefined;
  /** The session token. */
  declare session: string | undefined;
  declare locale: Locale;
  declare protected history: ConsentHistory | undefined;
  declare protected texts: ConsentTexts | undefined;
  declare protected requests: PrivacyRequest[] | undefined;
  declare protected choice: Partial<Record<Channel, boolean>>;
  declare protected busy: boolean;
  declare protected status: string;
  declare protected confirming: boolean;

  /** The locale the words are in (the area passes its own). */
  get resolvedLocale(): Locale {
    return this.locale;
  }

  readonly #id = `cl-privacy-${++instances}`;
  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  constructor() {
    super();
    this.locale = 'pt-BR';
    this.choice = {};
    this.busy = false;
    this.status = '';
    this.confirming = false;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('session') || changed.has('client')) && this.session && this.client) void this.#load();
  }

  async #load(): Promise<void> {
    const { client, session } = this;
    if (!client || !session) return;
    try {
      const [history, texts, requests] = await Promise.all([client.consents.mine(session), client.consents.texts(), client.privacyRequests.mine(session)]);
      this.history = history;
      this.texts = texts;
      this.requests = requests.items;
      this.choice = Object.fromEntries(CHANNELS.map((ch) => [ch, history.current.marketing[ch]?.granted ?? false]));
    } catch (e) {
      this.status = errorText(e, this.locale);
    }
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    if (!this.client || !this.session || this.busy) return;
    this.busy = true;
    try {
      const version = this.texts?.marketing?.version;
      this.history = await this.client.consents.choose(this.session, { purpose: 'marketing', channels: this.choice, ...(version ? { textVersion: version } : {}) });
      this.status = this.#t('saved');
    } catch (e) {
      this.status = errorText(e, this.locale);
    } finally {
      this.busy = false;
    }
  }

  async #download(): Promise<void> {
    if (!this.client || !this.session) return;
    this.busy = true;
    try {
      const { blob, filename } = await this.client.privacyRequests.myArchive(this.session);
      saveBlob(blob, filename);
      this.status = this.#t('downloaded');
    } catch (e) {
      this.status = errorText(e, this.locale);
    } finally {
      this.busy = false;
    }
  }

  async #askDeletion(): Promise<void> {
    if (!this.client || !this.session) return;
    this.busy = true;
    try {
      const r = await this.client.privacyRequests.open(this.session, { type: 'deletion' });
      this.confirming = false;
      this.requests = [r, ...(this.requests ?? [])];
      this.status = this.#t('deleteOpened', { date: formatDate(r.dueAt, this.locale) });
      await this.updateComplete;
      this.querySelector<HTMLElement>('[data-delete]')?.focus();
    } catch (e) {
      this.status = errorText(e, this.locale);
    } finally {
      this.busy = false;
    }
  }

  async #confirm(on: boolean): Promise<void> {
    this.confirming = on;
    await this.updateComplete;
    this.querySelector<HTMLElement>(on ? '[data-delete-yes]' : '[data-delete]')?.focus();
  }

  override render() {
    const t = this.#t;
    const loc = this.locale;
    const id = this.#id;
    const text = this.texts?.marketing;
    return html`<section data-part="privacy" aria-labelledby=${`${id}-title`}>
      <h3 id=${`${id}-title`}>${t('title')}</h3>
      <p role="status" data-part="status">${this.status}</p>
      <form data-part="consent" @submit=${(e: Event) => void this.#save(e)} aria-labelledby=${`${id}-consent`}>
        <h4 id=${`${id}-consent`}>${t('consentTitle')}</h4>
        <p id=${`${id}-consent-text`}>${text ? text.text : t('consentIntro')}</p>
        <fieldset aria-describedby=${`${id}-consent-text`}>
          <legend>${t('consentTitle')}</legend>
          ${CHANNELS.map(
            (ch) => html`<label><input type="checkbox" name=${ch} .checked=${this.choice[ch] ?? false} ?disabled=${!this.history}
                @change=${(e: Event) => (this.choice = { ...this.choice, [ch]: (e.target as HTMLInputElement).checked })} />
              ${CONSENT_CHANNEL_LABELS[loc][ch]}</label>`,
          )}
        </fieldset>
        <button type="submit" data-save-consent ?disabled=${this.busy || !this.history}>${t('save')}</button>
      </form>
      <div data-part="download">
        <h4>${t('downloadTitle')}</h4>
        <p>${t('downloadText')}</p>
        <button type="button" data-download ?disabled=${this.busy} @click=${() => void this.#download()}>${t('download')}</button>
      </div>
      <div data-part="delete">
        <h4>${t('deleteTitle')}</h4>
        <p>${t('deleteText')}</p>
        ${this.confirming
          ? html`<p role="alert">${t('deleteConfirm')}</p>
              <button type="button" data-delete-yes class="danger" ?disabled=${this.busy} @click=${() => void this.#askDeletion()}>${t('deleteYes')}</button>
              <button type="button" @click=${() => void this.#confirm(false)}>${t('cancel')}</button>`
          : html`<button type="button" data-delete @click=${() => void this.#confirm(true)}>${t('delete')}</button>`}
      </div>
      <h4>${t('requests')}</h4>
      ${this.requests === undefined
        ? html`<p>${t('loading')}</p>`
        : this.requests.length
          ? html`<ul data-part="requests">
              ${this.requests.map(
                (r) => html`<li data-request=${r.id}>${PRIVACY_REQUEST_TYPE_LABELS[loc][r.type]} — ${PRIVACY_REQUEST_STATUS_LABELS[loc][r.status]} (${t('due', { date: formatDate(r.dueAt, loc) })})</li>`,
              )}
            </ul>`
          : html`<p>${t('noRequests')}</p>`}
    </section>`;
  }
}
