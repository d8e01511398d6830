import type { Locale } from '@clientela/core';
import { LitElement, type PropertyValues } from 'lit';
import { adoptLightDomStyles } from '../internal/light-dom.js';
import { translator } from '../internal/localize.js';
import { loadMessages, messages, type MessageKey } from './customer-table.messages.js';
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The table loads the locale's table before it renders; this covers a part used on its own.
    if (changed.has('locale') && this.locale !== 'pt-BR' && messages[this.locale] === messages['pt-BR']) {
      void loadMessages(this.locale).then(() => this.requestUpdate());
    }
  }

  protected t(key: MessageKey, values?: Record<string, string | number>): string {
    return translator(messages, this.locale)(key, values);
  }
}
