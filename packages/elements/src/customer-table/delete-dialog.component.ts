import { html } from 'lit';
import { formatNumber } from '../internal/localize.js';
import { BulkActionEvent } from './parts.events.js';
import { TablePart } from './table-part.js';

/**
 * @summary The table's delete confirmation: the user types the word shown (EXCLUIR, DELETE,
 * ELIMINAR) before the selected customers are deleted. Part of `<cl-customer-table>`, loaded
 * after its first rows. Closing it gives focus back to where it was (the native modal dialog).
 *
 * @internal
 *
 * @event bulk-action - The delete was confirmed (`event.request` is `{ action: 'delete' }`).
 */
export class TableDeleteDialog extends TablePart {
  static override properties = { ...TablePart.properties, count: { type: Number } };

  /** Customers the delete applies to. */
  declare count: number;

  constructor() {
    super();
    this.count = 0;
  }

  /** Opens the dialog with an empty confirmation field. */
  show(): void {
    const input = this.querySelector<HTMLInputElement>('#confirm-word');
    if (input) input.value = '';
    this.querySelector('dialog')?.showModal();
    this.requestUpdate();
  }

  #typed(): string | undefined {
    return this.querySelector<HTMLInputElement>('#confirm-word')?.value.trim().toLocaleUpperCase();
  }

  #close(): void {
    this.querySelector('dialog')?.close();
  }

  #confirm(e: Event): void {
    e.preventDefault();
    if (this.#typed() !== this.t('deleteWord')) return;
    this.#close();
    this.dispatchEvent(new BulkActionEvent({ action: 'delete' }));
  }

  override render() {
    const word = this.t('deleteWord');
    return html`<dialog part="dialog" aria-labelledby="delete-title">
      <form @submit=${(e: Event) => this.#confirm(e)}>
        <h2 id="delete-title">${this.t('deleteTitle', { n: formatNumber(this.count, this.locale) })}</h2>
        <p>${this.t('deleteText', { word })}</p>
        <label class="field">
          <span>${this.t('confirmWord')}</span>
          <input id="confirm-word" autocomplete="off" @input=${() => this.requestUpdate()} />
        </label>
        <div class="actions">
          <button type="button" @click=${() => this.#close()}>${this.t('cancel')}</button>
          <button type="submit" class="danger" id="confirm-delete" ?disabled=${this.#typed() !== word}>${this.t('delete')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
