import type { MessageBatch, MessageChannel, MessageCreate, MessagePreview } from '@clientela/core';
import { isValidationError } from '@clientela/core/errors';
import { unknownMessageVariables } from '@clientela/core/format';
import { MESSAGE_CHANNELS } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { MessageCancelEvent, MessageSentEvent } from '../events/events.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { errorText } from '../internal/error-text.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { formatNumber } from '../internal/localize.js';
import { tokens } from '../internal/tokens.js';
import type { MessageComposerClient } from './message-composer.client.js';
import { catalog, type Key } from './message-composer.messages.js';
import { styles } from './message-composer.styles.js';
import { insertVariable, type VariablePickEvent } from './variable-menu.component.js';
import './variable-menu.js';

/** The customers a message goes to: these ids, or a filter less the ids unticked out of it. */
export type MessageTarget = Pick<MessageCreate, 'ids' | 'filter' | 'exceptIds'>;

/** How long typing pauses before the preview asks the server again. */
const PREVIEW_DEBOUNCE = 400;

type Field = 'subject' | 'text' | 'acknowledgedResponsibility';

/**
 * @summary Writes and sends a message to a set of customers: the channel (e-mail, SMS, WhatsApp,
 * push), the subject (e-mail), the text with variables (`{{primeiroNome}}`…, from an insert
 * menu), a live preview rendered by the server for a real recipient with how many will receive
 * it and how many are left out and why, the legal statement of responsibility, and the send —
 * idempotent, so "Tentar novamente" after a failure never makes a second batch. After the send it
 * shows the outcome and a link to the batch.
 *
 * @event cl-message-sent - The batch was created (`event.detail.batch`).
 * @event cl-message-cancel - "Cancelar" was pressed (a dialog holding the composer closes).
 *
 * @csspart base - The form.
 * @csspart preview - The preview: counts and the sample text.
 * @csspart counts - The list of counts.
 * @csspart sample - The text as one recipient reads it.
 * @csspart result - The outcome after the send.
 *
 * @cssproperty --cl-color-accent - The send button and the focus ring.
 */
export class MessageComposer extends ClientelaElement<MessageComposerClient> {
  protected override clientModule(): ClientModule<MessageComposerClient> {
    return import('./message-composer.client.js');
  }

  static override styles = [tokens, formControls, styles];
  static override properties = {
    ...ClientelaElement.properties,
    target: { attribute: false },
    channel: { type: String, reflect: true },
    subject: { type: String },
    text: { type: String },
    batchHref: { type: String, attribute: 'batch-href' },
    cancelable: { type: Boolean },
    acknowledged: { state: true },
    preview: { state: true },
    previewState: { state: true },
    errors: { state: true },
    sendState: { state: true },
    sendError: { state: true },
    batch: { state: true },
  };

  /** The customers the message goes to (`ids`, or `filter` with `exceptIds`), as the table's bulk actions build it. */
  declare target: MessageTarget;
  /** `email` (default), `sms`, `whatsapp` or `push`. */
  declare channel: MessageChannel;
  /** The e-mail's subject; may hold variables. */
  declare subject: string;
  /** The message text; may hold variables. */
  declare text: string;
  /** Where "Acompanhar o envio" leads after the send: `{id}` is replaced by the batch's id (no link without it). */
  declare batchHref: string;
  /** Shows a "Cancelar" button (sending `cl-message-cancel`), for a composer inside a dialog. */
  declare cancelable: boolean;
  declare protected acknowledged: boolean;
  declare protected preview: MessagePreview | undefined;
  declare protected previewState: 'idle' | 'loading' | 'ready' | 'error';
  declare protected errors: Partial<Record<Field, string>>;
  declare protected sendState: 'idle' | 'sending' | 'failed' | 'sent';
  declare protected sendError: string;
  declare protected batch: MessageBatch | undefined;

  /** The key of the last send and the body it was for: a retry of the same body sends the same key. */
  #send: { body: string; key: string } | undefined;
  #previewTimer: ReturnType<typeof setTimeout> | undefined;
  #previewAbort: AbortController | undefined;
  /** The field a variable goes into: the last text field that had focus. */
  #lastField: 'subject' | 'text' = 'text';

  constructor() {
    super();
    this.target = { ids: [] };
    this.channel = 'email';
    this.subject = '';
    this.text = '';
    this.batchHref = '';
    this.cancelable = false;
    this.acknowledged = false;
    this.previewState = 'idle';
    this.errors = {};
    this.sendState = 'idle';
    this.sendError = '';
  }

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#previewTimer);
    this.#previewAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const content = changed.has('target') || changed.has('channel') || changed.has('subject') || changed.has('text');
    if (this.connectionChanged(changed) || content) this.#schedulePreview(this.connectionChanged(changed) || changed.has('target') || changed.has('channel'));
  }

  /** Starts over with an empty text and no statement ticked (after a send, or for a new target). */
  reset(): void {
    this.subject = '';
    this.text = '';
    this.acknowledged = false;
    this.errors = {};
    this.sendState = 'idle';
    this.sendError = '';
    this.batch = undefined;
    this.#send = undefined;
  }

  #body(): MessageCreate {
    return {
      ...this.target,
      channel: this.channel,
      ...(this.channel === 'email' ? { subject: this.subject.trim() } : {}),
      text: this.text,
    };
  }

  /** Client-side checks, the same the server makes (the variables by core's rule), localized. */
  #check(): Partial<Record<Field, string>> {
    const t = this.#t;
    const errors: Partial<Record<Field, string>> = {};
    if (this.channel === 'email' && !this.subject.trim()) errors.subject = t('subjectRequired');
    const badSubject = this.channel === 'email' ? unknownMessageVariables(this.subject) : [];
    if (badSubject.length) errors.subject = t('unknownVariable', { name: badSubject.map((n) => `{{${n}}}`).join(', ') });
    const badText = unknownMessageVariables(this.text);
    if (!this.text.trim()) errors.text = t('required');
    else if (badText.length) errors.text = t('unknownVariable', { name: badText.map((n) => `{{${n}}}`).join(', ') });
    return errors;
  }

  /** Asks for the preview after a pause in typing (at once when the channel or target changed). */
  #schedulePreview(now: boolean): void {
    clearTimeout(this.#previewTimer);
    this.#previewTimer = setTimeout(() => void this.#loadPreview(), now ? 0 : PREVIEW_DEBOUNCE);
  }

  async #loadPreview(): Promise<void> {
    const api = this.api;
    if (!api || this.sendState === 'sent') return;
    this.#previewAbort?.abort();
    // The server previews only content it would send: without a text (or a subject for e-mail),
    // or with an unknown variable, the preview waits (the field says what is missing).
    const errors = this.#check();
    if (errors.text || errors.subject) {
      this.previewState = 'idle';
      this.preview = undefined;
      return;
    }
    const abort = (this.#previewAbort = new AbortController());
    this.previewState = 'loading';
    try {
      const { acknowledgedResponsibility: _, ...content } = this.#body();
      const preview = await api.messages.preview(content, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.preview = preview;
      this.previewState = 'ready';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.previewState = 'error';
      if (isValidationError(error)) this.#serverErrors(error.fieldErrors);
    }
  }

  /** Shows the server's localized field errors beside their fields; the rest in the alert. */
  #serverErrors(fieldErrors: Record<string, string[]>): void {
    const errors: Partial<Record<Field, string>> = {};
    const other: string[] = [];
    for (const [path, messages] of Object.entries(fieldErrors)) {
      if (path === 'subject' || path === 'text' || path === 'acknowledgedResponsibility') errors[path] = messages.join(' ');
      else other.push(...messages);
    }
    this.errors = errors;
    this.sendError = other.join(' ');
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const api = this.api;
    if (!api || this.sendState === 'sending') return;
    const t = this.#t;
    const errors = this.#check();
    if (!this.acknowledged) errors.acknowledgedResponsibility = t('ackRequired');
    this.errors = errors;
    this.sendError = '';
    const first = (['subject', 'text', 'acknowledgedResponsibility'] as const).find((f) => errors[f]);
    if (first) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#${first === 'acknowledgedResponsibility' ? 'ack' : first}`)?.focus();
      return;
    }
    const body: MessageCreate = { ...this.#body(), acknowledgedResponsibility: true };
    const fingerprint = JSON.stringify(body);
    // Same content as the failed attempt: the same key, so if that attempt did reach the server
    // its batch is answered again instead of a second one being made.
    if (this.#send?.body !== fingerprint) this.#send = { body: fingerprint, key: crypto.randomUUID() };
    this.sendState = 'sending';
    try {
      const batch = await api.messages.create(body, { idempotencyKey: this.#send.key });
      this.batch = batch;
      this.sendState = 'sent';
      this.#send = undefined;
      this.dispatchEvent(new MessageSentEvent({ batch }));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#result-title')?.focus();
    } catch (error) {
      this.sendState = 'failed';
      if (isValidationError(error)) {
        this.#serverErrors(error.fieldErrors);
        this.sendError ||= t('fixErrors');
        // A refusal about the content: the next attempt is a new request.
        this.#send = undefined;
      } else this.sendError = `${t('sendFailed')} ${errorText(error, this.resolvedLocale)}`;
    }
  }

  #onInput(field: 'subject' | 'text', e: Event): void {
    this[field] = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  #onPick(e: VariablePickEvent): void {
    const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${this.channel === 'email' ? this.#lastField : 'text'}`);
    if (field) insertVariable(field, e.name);
  }

  #count(key: Key, n: number, cls = '') {
    return html`<div class=${cls} data-count=${key}><dt>${this.#t(key)}</dt><dd>${formatNumber(n, this.resolvedLocale)}</dd></div>`;
  }

  #renderPreview() {
    const t = this.#t;
    const p = this.preview;
    const counts = p?.counts;
    return html`<section part="preview" aria-labelledby="preview-title" aria-busy=${this.previewState === 'loading' ? 'true' : 'false'}>
      <h3 id="preview-title">${t('preview')}</h3>
      <p class="hint" role="status">
        ${this.previewState === 'idle' ? t('previewNeedsText') : this.previewState === 'loading' ? t('previewLoading') : ''}
      </p>
      ${this.previewState === 'error'
        ? html`<p class="error">${t('previewFailed')} <button type="button" @click=${() => void this.#loadPreview()}>${t('retry')}</button></p>`
        : nothing}
      ${counts && this.previewState !== 'idle'
        ? html`<dl part="counts">
            ${this.#count('matched', counts.matched)} ${this.#count('willReceive', counts.recipients, 'receive')}
            ${this.#count('noConsent', counts.noConsent)} ${this.#count(this.channel === 'push' ? 'noApp' : 'noContact', counts.noContact)}
            ${counts.inactive ? this.#count('inactive', counts.inactive) : nothing}
          </dl>`
        : nothing}
      ${p && this.previewState !== 'idle'
        ? p.sample
          ? html`<p class="hint">${t('previewFor', { name: p.sample.name })}</p>
              <div part="sample" data-customer=${p.sample.customerId}>
                ${p.sample.subject ? html`<div class="sample-subject">${p.sample.subject}</div>` : nothing}<div class="sample-text">${p.sample.text}</div>
              </div>`
          : html`<p class="hint" data-nobody>${t('previewNobody')}</p>`
        : nothing}
    </section>`;
  }

  #renderResult(batch: MessageBatch) {
    const t = this.#t;
    const loc = this.resolvedLocale;
    const left = batch.counts.matched - batch.counts.recipients;
    return html`<section part="result" aria-labelledby="result-title">
      <h2 id="result-title" tabindex="-1">${t('sentTitle')}</h2>
      <p>${t('sentText', { n: formatNumber(batch.counts.recipients, loc) })}</p>
      ${left ? html`<p class="hint">${t('sentSkipped', { n: formatNumber(left, loc) })}</p>` : nothing}
      <div class="actions">
        ${this.batchHref ? html`<a href=${this.batchHref.replace('{id}', encodeURIComponent(batch.id))} data-batch=${batch.id}>${t('viewBatch')}</a>` : nothing}
        <button type="button" @click=${() => this.reset()}>${t('newMessage')}</button>
      </div>
    </section>`;
  }

  override render() {
    if (this.sendState === 'sent' && this.batch) return this.#renderResult(this.batch);
    const t = this.#t;
    const e = this.errors;
    const recipients = this.previewState === 'ready' ? this.preview?.counts.recipients : undefined;
    return html`<form part="base" novalidate aria-labelledby="title" @submit=${this.#submit}>
      <h2 id="title">${t('title')}</h2>
      <fieldset>
        <legend>${t('channel')}</legend>
        ${MESSAGE_CHANNELS.map(
          (ch) => html`<label class="radio"
            ><input type="radio" name="channel" value=${ch} .checked=${this.channel === ch} @change=${() => (this.channel = ch)} />${t(`ch_${ch}`)}</label
          >`,
        )}
      </fieldset>
      ${this.channel === 'email'
        ? html`<div class="field">
            <label for="subject">${t('subject')}</label>
            <input
              id="subject"
              maxlength="200"
              .value=${this.subject}
              aria-invalid=${e.subject ? 'true' : 'false'}
              aria-describedby="subject-error"
              @input=${(ev: Event) => this.#onInput('subject', ev)}
              @focus=${() => (this.#lastField = 'subject')}
            />
            <p class="error" id="subject-error">${e.subject ?? ''}</p>
          </div>`
        : nothing}
      <div class="field">
        <div class="text-head">
          <label for="text">${t('text')}</label>
          <cl-variable-menu .locale=${this.resolvedLocale} @variable-pick=${this.#onPick}></cl-variable-menu>
        </div>
        <textarea
          id="text"
          maxlength="5000"
          .value=${this.text}
          aria-invalid=${e.text ? 'true' : 'false'}
          aria-describedby="text-hint text-error"
          @input=${(ev: Event) => this.#onInput('text', ev)}
          @focus=${() => (this.#lastField = 'text')}
        ></textarea>
        <p class="hint" id="text-hint">${t('textHint')}</p>
        <p class="error" id="text-error">${e.text ?? ''}</p>
      </div>
      ${this.#renderPreview()}
      <div class="field">
        <label class="tick">
          <input
            type="checkbox"
            id="ack"
            required
            .checked=${this.acknowledged}
            aria-invalid=${e.acknowledgedResponsibility ? 'true' : 'false'}
            aria-describedby="ack-error"
            @change=${(ev: Event) => {
              this.acknowledged = (ev.target as HTMLInputElement).checked;
              if (this.acknowledged) this.errors = { ...this.errors, acknowledgedResponsibility: undefined };
            }}
          />
          <span>${t('acknowledge')}</span>
        </label>
        <p class="error" id="ack-error">${e.acknowledgedResponsibility ?? ''}</p>
      </div>
      <div role="alert">${this.sendError}</div>
      <div class="actions">
        ${this.cancelable ? html`<button type="button" @click=${() => this.dispatchEvent(new MessageCancelEvent())}>${t('cancel')}</button>` : nothing}
        <button type="submit" class="primary" id="send" aria-disabled=${this.sendState === 'sending' ? 'true' : 'false'}>
          ${this.sendState === 'sending'
            ? t('sending')
            : this.sendState === 'failed' && !Object.values(e).some(Boolean)
              ? t('retry')
              : recipients === undefined
                ? t('sendPlain')
                : t('send', { n: formatNumber(recipients, this.resolvedLocale) })}
        </button>
      </div>
    </form>`;
  }
}
