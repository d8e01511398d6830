import type { Locale } from '@clientela/core';
import { LitElement } from 'lit';
import { adoptLightDomStyles } from '../internal/light-dom.js';
import { LocalizeController } from '../internal/localize.controller.js';
import { loadMessages, messages } from './customer-table.messages.js';
import { partStyles } from './parts.styles.js';

/**
 * Base of the table's internal parts: they render in light DOM, that is inside the table's shadow
 * root (ids referenced by the table's `aria-controls`, and `::part()` from the page, reach them),
 * speak the table's locale from its message tables, and adopt their styles into that root.
 *
 * @internal
 */
export class TablePart extends LitElement {
  static override properties = { locale: { type: String } };

  /** The table's resolved locale. */
  declare locale: Locale;

  constructor() {
    super();
    this.locale = 'pt-BR';
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, partStyles);
  }

  /** The locale the part speaks (the table's). */
  get resolvedLocale(): Locale {
    return this.locale;
  }

  readonly #l10n = new LocalizeController(this, { messages, loadMessages });

  /** The translator of the table's messages in {@link locale}. */
  protected get t() {
    return this.#l10n.t;
  }
}
