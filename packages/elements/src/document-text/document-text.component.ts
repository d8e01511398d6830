import { formatDocument } from '@clientela/core/format';
import { html, LitElement } from 'lit';
import { styles } from './document-text.styles.js';

/**
 * @summary Shows a CPF or CNPJ formatted (`529.982.247-25`, `12.ABC.345/01DE-35`) or masked.
 *
 * @csspart text - The formatted document.
 * @cssproperty --cl-font-mono - Font used for the digits.
 */
export class DocumentText extends LitElement {
  static override styles = styles;
  static override properties = {
    value: { type: String },
    masked: { type: Boolean, reflect: true },
  };

  /** The document, with or without punctuation. */
  declare value: string;
  /** Show only the middle digits (`***.456.789-**`). */
  declare masked: boolean;

  constructor() {
    super();
    this.value = '';
    this.masked = false;
  }

  /** The document as displayed. */
  get formatted(): string {
    return formatDocument(this.value ?? '', { masked: this.masked });
  }

  override render() {
    return html`<span part="text">${this.formatted}</span>`;
  }
}
