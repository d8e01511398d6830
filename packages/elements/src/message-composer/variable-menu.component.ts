import type { Locale } from '@clientela/core';
import { MESSAGE_VARIABLES, type MessageVariable } from '@clientela/core/rules';
import { css, html, LitElement, nothing } from 'lit';
import { tokens } from '../internal/tokens.js';

/** How each variable is named to the person writing (the `{{name}}` itself comes from core's list). */
const LABELS: Record<Locale, Record<MessageVariable | 'insert', string>> = {
  'pt-BR': { insert: 'Inserir variável', primeiroNome: 'Primeiro nome', nome: 'Nome completo', creditoDisponivel: 'Crédito disponível', validadeCredito: 'Validade do crédito' },
  en: { insert: 'Insert variable', primeiroNome: 'First name', nome: 'Full name', creditoDisponivel: 'Available credit', validadeCredito: 'Credit expiry' },
  es: { insert: 'Insertar variable', primeiroNome: 'Nombre', nome: 'Nombre completo', creditoDisponivel: 'Crédito disponible', validadeCredito: 'Vencimiento del crédito' },
};

/** A variable was chosen in the menu: the element that owns the text inserts `{{name}}`. */
export class VariablePickEvent extends Event {
  static readonly type = 'variable-pick';
  constructor(readonly name: MessageVariable) {
    super(VariablePickEvent.type);
  }
}

/**
 * @summary The "Inserir variável" menu of a message text: a button that opens the list of core's
 * message variables (`{{primeiroNome}}`…), each named in the page's language. Escape or a choice
 * closes it and gives focus back to the button. Used by `<cl-message-composer>` and by any element
 * that edits a message template.
 *
 * @internal
 *
 * @event variable-pick - A variable was chosen (`event.name`).
 */
export class VariableMenu extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
        position: relative;
      }
      ul {
        position: absolute;
        z-index: 2;
        inset-inline-start: 0;
        margin: 0.25rem 0 0;
        padding: 0.25rem;
        list-style: none;
        background: var(--_surface);
        border: 1px solid var(--_control-border);
        border-radius: var(--_radius);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
        min-width: 14rem;
      }
      li button {
        width: 100%;
        text-align: start;
        border: 0;
        background: none;
        display: flex;
        justify-content: space-between;
        gap: 1rem;
      }
      li button:hover,
      li button:focus-visible {
        background: var(--_surface-alt);
      }
      code {
        color: var(--_muted);
        font-size: 0.8125rem;
      }
    `,
  ];
  static override properties = { locale: { type: String }, open: { state: true } };

  /** The language of the labels (the owner's resolved locale). */
  declare locale: Locale;
  declare protected open: boolean;

  constructor() {
    super();
    this.locale = 'pt-BR';
    this.open = false;
  }

  #toggle(open = !this.open): void {
    this.open = open;
    void this.updateComplete.then(() => {
      if (open) this.renderRoot.querySelector<HTMLElement>('li button')?.focus();
      else this.renderRoot.querySelector<HTMLElement>('#toggle')?.focus();
    });
  }

  #pick(name: MessageVariable): void {
    this.open = false;
    this.dispatchEvent(new VariablePickEvent(name));
  }

  #onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.open) {
      e.stopPropagation();
      e.preventDefault();
      this.#toggle(false);
      return;
    }
    if (!this.open || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>('li button')];
    const at = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
  }

  override render() {
    const w = LABELS[this.locale] ?? LABELS['pt-BR'];
    return html`<div @keydown=${this.#onKeydown} @focusout=${(e: FocusEvent) => {
      if (this.open && !this.shadowRoot!.contains(e.relatedTarget as Node)) this.open = false;
    }}>
      <button type="button" id="toggle" part="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="list" @click=${() => this.#toggle()}>
        ${w.insert}
      </button>
      ${this.open
        ? html`<ul id="list" part="list" aria-label=${w.insert}>
            ${MESSAGE_VARIABLES.map(
              (name) => html`<li><button type="button" data-variable=${name} @click=${() => this.#pick(name)}>${w[name]} <code>{{${name}}}</code></button></li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }
}

/**
 * Inserts `{{name}}` into a text field at its caret (replacing the selection), as typing would:
 * the field's `input` event fires, and the caret lands after the inserted variable.
 *
 * @example
 * insertVariable(this.renderRoot.querySelector('textarea')!, 'primeiroNome');
 */
export function insertVariable(field: HTMLInputElement | HTMLTextAreaElement, name: MessageVariable): void {
  const token = `{{${name}}}`;
  const start = field.selectionStart ?? field.value.length;
  const end = field.selectionEnd ?? start;
  field.focus();
  field.setRangeText(token, start, end, 'end');
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}
