import type { Automation, AutomationCreate, AutomationTrigger, AutomationTriggerType, MessageChannel } from '@clientela/core';
import { isApiError, isPreconditionFailedError, isValidationError } from '@clientela/core/errors';
import { describeFilterText, issueMessage } from '@clientela/core/i18n';
import { AUTOMATION_MAX_DELAY_HOURS, AUTOMATION_TRIGGERS, MESSAGE_CHANNELS, MESSAGE_VARIABLES } from '@clientela/core/rules';
import { html, nothing, type PropertyValues } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { errorText } from '../internal/error-text.js';
import { ClientelaElement, type ClientModule } from '../internal/clientela-element.js';
import { formControls } from '../internal/form-controls.styles.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { tokens } from '../internal/tokens.js';
import type { AutomationManagerClient } from './automation-manager.client.js';
import { catalog } from './automation-manager.messages.js';
import { styles } from './automation-manager.styles.js';

/** The parameter a trigger takes, and its unit. */
const PARAMETER: Partial<Record<AutomationTriggerType, 'days' | 'hours'>> = { no_purchase: 'days', credit_expiring: 'days', cart_abandoned: 'hours' };
const DEFAULT_PARAMETER: Partial<Record<AutomationTriggerType, number>> = { no_purchase: 90, credit_expiring: 7, cart_abandoned: 3 };

type Field = 'name' | 'parameter' | 'filter' | 'delayHours' | 'subject' | 'text';

/** The filter builder, loaded with the form (the element's own module stays small). */
let builderModule: Promise<unknown> | undefined;
const loadBuilder = () => (builderModule ??= import('../filter-builder/filter-builder.js'));

/**
 * @summary The store's automations: each flow's trigger, channel, on/off switch and figures (sent,
 * delivered, orders within 7 days after a message); create and edit a flow (trigger and its days or
 * hours, a filter, a delay, the channel, the message with variables), pause it, and see who would
 * receive it now; delete a flow after confirming (the messages it already sent stay in the message
 * log). The audience filter is built in `<cl-filter-builder>` (conditions as chips) and said in
 * plain words. Every change is guarded by `If-Match`: a 412 reloads the list and says so.
 *
 * @event change - A flow was created, changed, paused, turned on or deleted.
 *
 * @csspart table - The list of flows.
 * @csspart form - The create / edit form.
 * @csspart preview - Who would receive a flow now.
 * @csspart dialog - The delete confirmation.
 * @cssproperty --cl-size-target - Height of inputs and buttons (44px).
 */
export class AutomationManager extends ClientelaElement<AutomationManagerClient> {
  protected override clientModule(): ClientModule<AutomationManagerClient> {
    return import('./automation-manager.client.js');
  }

  static override styles = [tokens, formControls, styles];

  static override properties = {
    ...ClientelaElement.properties,
    flows: { state: true },
    editing: { state: true },
    trigger: { state: true },
    channel: { state: true },
    busy: { state: true },
    status: { state: true },
    errors: { state: true },
    previewText: { state: true },
    filterDraft: { state: true },
    deleting: { state: true },
  };

  /** The flows read, in the order created (undefined while loading). */
  declare flows: Automation[] | undefined;
  /** The flow in the form: its id, or `new`. */
  declare protected editing: string;
  declare protected trigger: AutomationTriggerType;
  declare protected channel: MessageChannel;
  declare protected busy: boolean;
  declare protected status: string;
  declare protected errors: Partial<Record<Field | 'form', string>>;
  declare protected previewText: string;
  /** The form's audience filter, in its text form (what `<cl-filter-builder>` holds). */
  declare protected filterDraft: string;
  /** The flow whose deletion waits for confirmation. */
  declare protected deleting: Automation | undefined;

  readonly #l10n = new LocalizeController(this, catalog);
  get #t() {
    return this.#l10n.t;
  }

  constructor() {
    super();
    this.flows = undefined;
    this.editing = 'new';
    this.trigger = 'birthday';
    this.channel = 'email';
    this.busy = false;
    this.status = '';
    this.errors = {};
    this.previewText = '';
    this.filterDraft = '';
    this.deleting = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void loadBuilder();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.connectionChanged(changed)) void this.reload();
  }

  /** A filter in plain words ("Sem compra há 90 dias e UF: SP"); empty: everyone. */
  #filterText(filter: string): string {
    return filter ? describeFilterText(filter, this.resolvedLocale) : this.#t('filterEveryone');
  }

  /** Focuses a field: the filter builder for the filter, the input otherwise. */
  #focusField(field: Field): void {
    // The builder has no focus of its own: its "Adicionar condição" button takes it.
    const builder = () => this.renderRoot.querySelector('cl-filter-builder')?.shadowRoot?.querySelector<HTMLElement>('[part~=add]');
    void this.updateComplete.then(() => (field === 'filter' ? builder() : this.#input(field))?.focus());
  }

  /** Reads the flows again from the server. */
  async reload(): Promise<void> {
    if (!this.api) return;
    try {
      this.flows = await this.api.automations.list();
    } catch (error) {
      this.flows ??= [];
      this.status = errorText(error, this.resolvedLocale);
    }
  }

  #number(n: number): string {
    return new Intl.NumberFormat(this.resolvedLocale).format(n);
  }

  #describe(trigger: AutomationTrigger): string {
    const n = 'days' in trigger ? trigger.days : 'hours' in trigger ? trigger.hours : 0;
    return this.#t(`d_${trigger.type}`, { n: this.#number(n) });
  }

  #input<T extends HTMLElement = HTMLInputElement>(name: string): T | null {
    return this.renderRoot.querySelector<T>(`[name="${name}"]`);
  }

  #edit(flow: Automation | undefined): void {
    this.editing = flow?.id ?? 'new';
    this.trigger = flow?.trigger.type ?? 'birthday';
    this.channel = flow?.channel ?? 'email';
    this.filterDraft = flow?.filter ?? '';
    this.errors = {};
    void this.updateComplete.then(() => {
      const form = this.renderRoot.querySelector('form');
      form?.reset();
      if (flow) {
        const set = (name: string, value: string) => {
          const el = this.#input<HTMLInputElement | HTMLTextAreaElement>(name);
          if (el) el.value = value;
        };
        set('name', flow.name);
        set('delayHours', String(flow.delayHours));
        set('subject', flow.subject ?? '');
        set('text', flow.text);
        const param = 'days' in flow.trigger ? flow.trigger.days : 'hours' in flow.trigger ? flow.trigger.hours : undefined;
        if (param !== undefined) set('parameter', String(param));
        const enabled = this.#input('enabled');
        if (enabled) enabled.checked = flow.enabled;
      }
      this.#input('name')?.focus();
    });
  }

  /** The form's flow, or field errors (focused) when something required is missing. */
  #read(): AutomationCreate | undefined {
    const value = (name: string) => (this.#input<HTMLInputElement | HTMLTextAreaElement>(name)?.value ?? '').trim();
    const errors: typeof this.errors = {};
    const required = issueMessage('required', this.resolvedLocale);
    const unit = PARAMETER[this.trigger];
    const parameter = Number(value('parameter'));
    if (!value('name')) errors.name = required;
    if (unit && !(Number.isInteger(parameter) && parameter >= 1)) errors.parameter = required;
    const delay = value('delayHours') === '' ? 0 : Number(value('delayHours'));
    if (!Number.isInteger(delay) || delay < 0 || delay > AUTOMATION_MAX_DELAY_HOURS) errors.delayHours = this.#t('delayHint');
    if (this.channel === 'email' && !value('subject')) errors.subject = required;
    if (!value('text')) errors.text = required;
    this.errors = errors;
    const first = (['name', 'parameter', 'delayHours', 'subject', 'text'] as const).find((f) => errors[f]);
    if (first) {
      void this.updateComplete.then(() => this.#input(first)?.focus());
      return undefined;
    }
    const trigger = (unit ? { type: this.trigger, [unit]: parameter } : { type: this.trigger }) as AutomationTrigger;
    return {
      name: value('name'),
      trigger,
      filter: this.filterDraft,
      delayHours: delay,
      channel: this.channel,
      ...(this.channel === 'email' ? { subject: value('subject') } : {}),
      text: value('text'),
      enabled: this.#input('enabled')?.checked ?? true,
    };
  }

  /** Server refusals: field messages next to their fields (`trigger.days` on the parameter), the rest on the form. */
  #refused(error: unknown): void {
    if (isValidationError(error)) {
      const errors: typeof this.errors = {};
      for (const [path, messages] of Object.entries(error.fieldErrors)) {
        const field = (path.startsWith('trigger') ? 'parameter' : path) as Field;
        if (['name', 'parameter', 'filter', 'delayHours', 'subject', 'text'].includes(field)) errors[field] = messages.join(' ');
        else errors.form = [errors.form, ...messages].filter(Boolean).join(' ');
      }
      this.errors = errors;
      const first = (['name', 'parameter', 'filter', 'delayHours', 'subject', 'text'] as const).find((f) => errors[f]);
      if (first) this.#focusField(first);
      return;
    }
    this.errors = { form: isApiError(error) && error.status < 500 ? error.problem.detail ?? error.message : errorText(error, this.resolvedLocale) };
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || !this.api) return;
    const body = this.#read();
    if (!body) return;
    this.busy = true;
    try {
      const current = this.flows?.find((f) => f.id === this.editing);
      if (current) {
        await this.api.automations.update(current, { ...body, subject: body.subject ?? null });
        this.status = this.#t('saved', { name: body.name });
      } else {
        await this.api.automations.create(body);
        this.status = this.#t('created', { name: body.name });
      }
      this.#edit(undefined);
      await this.reload();
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } catch (error) {
      if (isPreconditionFailedError(error)) {
        this.status = this.#t('stale');
        await this.reload();
      } else this.#refused(error);
    } finally {
      this.busy = false;
    }
  }

  async #toggle(flow: Automation): Promise<void> {
    if (this.busy || !this.api) return;
    this.busy = true;
    try {
      await this.api.automations.update(flow, { enabled: !flow.enabled });
      this.status = this.#t(flow.enabled ? 'paused' : 'resumed', { name: flow.name });
      await this.reload();
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } catch (error) {
      this.status = isPreconditionFailedError(error) ? this.#t('stale') : errorText(error, this.resolvedLocale);
      await this.reload();
    } finally {
      this.busy = false;
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-switch="${flow.id}"]`)?.focus());
    }
  }

  /** Asks before deleting: a modal dialog naming the flow, "Cancelar" focused first. */
  #askDelete(flow: Automation): void {
    this.deleting = flow;
    void this.updateComplete.then(() => {
      const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm');
      if (dialog && !dialog.open) dialog.showModal();
      dialog?.querySelector<HTMLButtonElement>('[data-cancel]')?.focus();
    });
  }

  #closeDelete(focus?: string): void {
    const flow = this.deleting;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog.confirm')?.close();
    this.deleting = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(focus ?? (flow ? `[data-delete="${flow.id}"]` : 'h2'))?.focus());
  }

  /** Deletes the flow (If-Match): it stops; the messages it sent stay in "Mensagens". */
  async #delete(): Promise<void> {
    const flow = this.deleting;
    if (!flow || this.busy || !this.api) return;
    this.busy = true;
    try {
      await this.api.automations.delete(flow);
      this.status = this.#t('deleted', { name: flow.name });
      if (this.editing === flow.id) this.#edit(undefined);
      this.#closeDelete('h2');
      await this.reload();
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    } catch (error) {
      this.status = isPreconditionFailedError(error) ? this.#t('stale') : errorText(error, this.resolvedLocale);
      this.#closeDelete();
      await this.reload();
    } finally {
      this.busy = false;
    }
  }

  async #preview(flow: Automation): Promise<void> {
    if (!this.api) return;
    try {
      const p = await this.api.automations.preview({ automationId: flow.id, trigger: flow.trigger, filter: flow.filter, channel: flow.channel });
      const t = this.#t;
      const names = new Intl.ListFormat(this.resolvedLocale, { type: 'conjunction' }).format(p.sample.map((s) => s.name));
      this.previewText = [
        t('previewResult', { name: flow.name, count: this.#number(p.count), excluded: this.#number(p.excluded) }),
        p.sample.length ? t('previewNames', { names }) : t('previewNone'),
      ].join(' ');
    } catch (error) {
      this.previewText = errorText(error, this.resolvedLocale);
    }
  }

  #field(name: Field, label: string, control: unknown, hint?: string) {
    const error = this.errors[name];
    return html`<div class="field">
      <label for=${`f-${name}`}>${label}</label>
      ${control}
      ${hint ? html`<span class="hint" id=${`f-${name}-hint`}>${hint}</span>` : nothing}
      <span class="error" id=${`f-${name}-error`}>${error ?? ''}</span>
    </div>`;
  }

  #described(name: Field, hint = false): string {
    return [hint ? `f-${name}-hint` : '', `f-${name}-error`].filter(Boolean).join(' ');
  }

  #form() {
    const t = this.#t;
    const unit = PARAMETER[this.trigger];
    const current = this.flows?.find((f) => f.id === this.editing);
    const invalid = (f: Field) => (this.errors[f] ? 'true' : 'false');
    return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${(e: Event) => void this.#save(e)}>
      <h3 id="form-title">${current ? t('editFlow', { name: current.name }) : t('newFlow')}</h3>
      ${this.#field('name', t('name'), html`<input id="f-name" name="name" type="text" maxlength="60" required aria-invalid=${invalid('name')} aria-describedby=${this.#described('name')} />`)}
      <div class="field">
        <label for="f-trigger">${t('trigger')}</label>
        <select id="f-trigger" name="trigger" .value=${this.trigger} @change=${(e: Event) => (this.trigger = (e.target as HTMLSelectElement).value as AutomationTriggerType)}>
          ${AUTOMATION_TRIGGERS.map((x) => html`<option value=${x} ?selected=${x === this.trigger}>${t(`t_${x}`)}</option>`)}
        </select>
      </div>
      ${unit
        ? this.#field(
            'parameter',
            t(unit),
            html`<input id="f-parameter" name="parameter" type="number" inputmode="numeric" min="1" step="1" .value=${String(DEFAULT_PARAMETER[this.trigger] ?? '')}
              aria-invalid=${invalid('parameter')} aria-describedby=${this.#described('parameter')} />`,
          )
        : nothing}
      <div class="field filter" role="group" aria-labelledby="f-filter-label" aria-describedby="f-filter-text f-filter-hint f-filter-error">
        <span class="label" id="f-filter-label">${t('filter')}</span>
        <cl-filter-builder
          id="f-filter"
          no-views
          .client=${this.client}
          api-base=${ifDefined(this.apiBase)}
          api-key=${ifDefined(this.apiKey)}
          locale=${this.resolvedLocale}
          .value=${this.filterDraft}
          @change=${(e: Event) => {
            // The builder's change is the form's business, not the page's "a flow changed".
            e.stopPropagation();
            this.filterDraft = (e.target as HTMLElement & { value: string }).value;
            this.errors = { ...this.errors, filter: undefined };
          }}
        ></cl-filter-builder>
        <span class="hint" id="f-filter-hint">${t('filterHint')}</span>
        <span class="rule-text" id="f-filter-text" aria-live="polite">${t('filterIs', { filter: this.#filterText(this.filterDraft) })}</span>
        <span class="error" id="f-filter-error">${this.errors.filter ?? ''}</span>
      </div>
      ${this.#field('delayHours', t('delay'), html`<input id="f-delayHours" name="delayHours" type="number" inputmode="numeric" min="0" max=${AUTOMATION_MAX_DELAY_HOURS} step="1" value="0" aria-invalid=${invalid('delayHours')} aria-describedby=${this.#described('delayHours', true)} />`, t('delayHint'))}
      <div class="field">
        <label for="f-channel">${t('channel')}</label>
        <select id="f-channel" name="channel" .value=${this.channel} @change=${(e: Event) => (this.channel = (e.target as HTMLSelectElement).value as MessageChannel)}>
          ${MESSAGE_CHANNELS.map((c) => html`<option value=${c} ?selected=${c === this.channel}>${t(`c_${c}`)}</option>`)}
        </select>
      </div>
      ${this.channel === 'email'
        ? this.#field('subject', t('subject'), html`<input id="f-subject" name="subject" type="text" maxlength="200" aria-invalid=${invalid('subject')} aria-describedby=${this.#described('subject')} />`)
        : nothing}
      ${this.#field(
        'text',
        t('text'),
        html`<textarea id="f-text" name="text" rows="4" maxlength="5000" aria-invalid=${invalid('text')} aria-describedby=${this.#described('text', true)}></textarea>`,
        t('variables', { list: MESSAGE_VARIABLES.map((v) => `{{${v}}}`).join(', ') }),
      )}
      <label class="check"><input type="checkbox" name="enabled" checked /> ${t('enabled')}</label>
      <div class="error" role="alert">${this.errors.form ?? ''}</div>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${this.busy}>${current ? t('save') : t('create')}</button>
        ${current ? html`<button type="button" @click=${() => this.#edit(undefined)}>${t('cancel')}</button>` : nothing}
      </div>
    </form>`;
  }

  #row(flow: Automation) {
    const t = this.#t;
    const f = flow.figures;
    return html`<tr class=${flow.enabled ? 'on' : 'off'}>
      <th scope="row">${flow.name}</th>
      <td>${this.#describe(flow.trigger)}</td>
      <td>${t(`c_${flow.channel}`)}</td>
      <td>
        <button type="button" role="switch" class="switch" data-switch=${flow.id} aria-checked=${flow.enabled ? 'true' : 'false'}
          aria-label=${t('switchLabel', { name: flow.name })} ?disabled=${this.busy} @click=${() => void this.#toggle(flow)}>
          <span aria-hidden="true">${flow.enabled ? t('on') : t('off')}</span>
        </button>
      </td>
      <td>
        <dl class="figures">
          <div><dt>${t('sent')}</dt><dd>${this.#number(f.sent)}</dd></div>
          <div><dt>${t('delivered')}</dt><dd>${this.#number(f.delivered)}</dd></div>
          <div><dt>${t('orders')}</dt><dd>${this.#number(f.orders)}</dd></div>
        </dl>
      </td>
      <td class="row-actions">
        <button type="button" @click=${() => this.#edit(flow)}>${t('edit')}</button>
        <button type="button" @click=${() => void this.#preview(flow)}>${t('preview')}</button>
        <button type="button" class="danger" data-delete=${flow.id} aria-label=${t('deleteLabel', { name: flow.name })} @click=${() => this.#askDelete(flow)}>${t('delete')}</button>
      </td>
    </tr>`;
  }

  override render() {
    const t = this.#t;
    const flows = this.flows;
    return html`<h2>${t('title')}</h2>
      <p class="note" id="automation-note">${t('note')}</p>
      <p class="status" role="status">${this.status}</p>
      <div class="table-wrap">
        ${flows === undefined
          ? html`<p>${t('loading')}</p>`
          : flows.length === 0
            ? html`<p>${t('empty')}</p>`
            : html`<table part="table" aria-describedby="automation-note">
                <thead><tr><th scope="col">${t('name')}</th><th scope="col">${t('trigger')}</th><th scope="col">${t('channel')}</th><th scope="col">${t('status')}</th><th scope="col">${t('figures')}</th><th scope="col">${t('actions')}</th></tr></thead>
                <tbody>${flows.map((x) => this.#row(x))}</tbody>
              </table>`}
      </div>
      <p part="preview" class="preview" role="status">${this.previewText}</p>
      ${this.#form()}
      <dialog part="dialog" class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" @cancel=${(e: Event) => {
        // Escape: closed here (not by the browser's own close, whose late event could close a dialog opened again meanwhile).
        e.preventDefault();
        this.#closeDelete();
      }}>
        ${this.deleting
          ? html`<h3 id="confirm-title">${t('deleteTitle', { name: this.deleting.name })}</h3>
              <p id="confirm-text">${t('deleteText')}</p>
              <div class="actions">
                <button type="button" class="danger" data-confirm ?disabled=${this.busy} @click=${() => void this.#delete()}>${t('delete')}</button>
                <button type="button" data-cancel @click=${() => this.#closeDelete()}>${t('cancel')}</button>
              </div>`
          : nothing}
      </dialog>`;
  }
}
