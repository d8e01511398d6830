import { ClientelaElement, type Client } from './clientela-element.js';

/**
 * Base of Clientela's form controls: form-associated custom elements built on ElementInternals,
 * so they take part in a plain `<form>` (FormData, validation, reset, disabled fieldsets,
 * restore after back/forward navigation).
 */
export class FormAssociatedElement<C extends Partial<Client> = Client> extends ClientelaElement<C> {
  static formAssociated = true;
  static override properties = {
    ...ClientelaElement.properties,
    name: { type: String, reflect: true },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
  };

  /** The name under which the value is submitted. */
  declare name: string;
  /** Disables the control (also set by a disabled `<fieldset>`). */
  declare disabled: boolean;
  /** A value is required for the form to submit. */
  declare required: boolean;

  protected readonly internals: ElementInternals;

  constructor() {
    super();
    this.internals = this.attachInternals();
    this.name = '';
    this.disabled = false;
    this.required = false;
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  get validity(): ValidityState {
    return this.internals.validity;
  }
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Subclasses restore their initial value here. */
  formResetCallback(): void {}

  /** Subclasses read back what {@link setFormValue} stored as state. */
  formStateRestoreCallback(_state: string | File | FormData | null, _mode: 'restore' | 'autocomplete'): void {}

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }
}
