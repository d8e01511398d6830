import type { Locale } from '@clientela/core';
import { LitElement } from 'lit';
import { adoptLightDomStyles } from '../internal/light-dom.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { catalog } from './duplicates.messages.js';
import { partStyles } from './parts.styles.js';

/**
 * Base of the internal dialogs of `<cl-duplicates>`: they render in light DOM, that is inside the
 * element's shadow root (its styles, tokens and `::part(dialog)` reach them), speak its locale
 * from its message table, and adopt their own styles into that root.
 *
 * @internal
 */
export class DuplicatesPart extends LitElement {
  static override properties = { locale: { type: String }, busy: { type: Boolean }, error: { type: String } };

  /** The element's resolved locale. */
  declare locale: Locale;
  /** A call of the element is running: the submit button waits. */
  declare busy: boolean;
  /** What the last call answered when it failed (shown in the dialog, every choice kept). */
  declare error: string;

  constructor() {
    super();
    this.locale = 'pt-BR';
    this.busy = false;
    this.error = '';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, partStyles);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Taken off the page while open (the admin navigated away): a modal left open would keep the page inert.
    this.dialog?.close();
  }

  get resolvedLocale(): Locale {
    return this.locale;
  }

  readonly #l10n = new LocalizeController(this, catalog);

  protected get t() {
    return this.#l10n.t;
  }

  protected get dialog(): HTMLDialogElement | null {
    return this.querySelector('dialog');
  }

  /** Closes the dialog (focus goes back where it was: the native modal dialog). */
  close(): void {
    this.dialog?.close();
  }
}
