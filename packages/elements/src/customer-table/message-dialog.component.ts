import { css, html } from 'lit';
import type { Client } from '../internal/clientela-element.js';
import { adoptLightDomStyles } from '../internal/light-dom.js';
import type { MessageTarget } from '../message-composer/message-composer.component.js';
import '../message-composer/message-composer.js';
import { TablePart } from './table-part.js';

const dialogStyles = css`
  dialog.message-dialog {
    max-width: 40rem;
    width: calc(100% - 2rem);
  }
  dialog.message-dialog .dialog-head {
    display: flex;
    justify-content: flex-end;
  }
`;

/**
 * @summary The table's "Enviar mensagem" dialog: a `<cl-message-composer>` for the selection (these
 * ids, or all matching less the unticked ones), in a native modal dialog that gives focus back to
 * the bulk bar when it closes. Part of `<cl-customer-table>`, loaded only when the action is
 * first used, so the table never pays for the composer up front.
 *
 * @internal
 */
export class TableMessageDialog extends TablePart {
  static override properties = {
    ...TablePart.properties,
    client: { attribute: false },
    apiBase: { attribute: false },
    apiKey: { attribute: false },
    batchHref: { attribute: false },
    target: { attribute: false },
  };

  /** The table's client, when it was given one. */
  declare client: Client | undefined;
  /** The table's `api-base`, for a composer that makes its own client. */
  declare apiBase: string | undefined;
  /** The table's `api-key`. */
  declare apiKey: string | undefined;
  /** Where the composer's "Acompanhar o envio" leads (`{id}`: the batch). */
  declare batchHref: string;
  /** The customers the message goes to. */
  declare target: MessageTarget;

  constructor() {
    super();
    this.batchHref = '';
    this.target = { ids: [] };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptLightDomStyles(this, dialogStyles);
  }

  /** Opens the dialog with a fresh composer for `target`. */
  async show(target: MessageTarget): Promise<void> {
    this.target = target;
    await this.updateComplete;
    this.querySelector('cl-message-composer')?.reset();
    this.querySelector('dialog')?.showModal();
  }

  #close(): void {
    this.querySelector('dialog')?.close();
  }

  override render() {
    // Following the composer's link to the batch leaves the dialog: it closes behind the person.
    const followed = (e: Event) => {
      if (e.composedPath().some((n) => n instanceof HTMLAnchorElement && n.dataset['batch'])) this.#close();
    };
    return html`<dialog part="message-dialog" class="message-dialog" aria-label=${this.t('sendMessage')} @click=${followed}>
      <div class="dialog-head"><button type="button" class="link" @click=${() => this.#close()}>${this.t('close')}</button></div>
      <cl-message-composer
        cancelable
        .client=${this.client}
        .apiBase=${this.apiBase}
        .apiKey=${this.apiKey}
        .locale=${this.locale}
        .target=${this.target}
        batch-href=${this.batchHref}
        @cl-message-cancel=${() => this.#close()}
      ></cl-message-composer>
    </dialog>`;
  }
}
