import type { DuplicatePair } from '@clientela/core';
import { customerDisplayName } from '@clientela/core/format';
import { html, nothing } from 'lit';
import { formatNumber } from '../internal/localize.js';
import { DuplicatesPart } from './duplicates-part.js';
import { BulkConfirmEvent, DialogCloseEvent } from './parts.events.js';

type Listed = DuplicatePair['customers'][number];

/**
 * @summary The confirmation of "Unir selecionados": which record is merged into which (linked
 * pairs grouped into one survivor), and "Unir n". Part of `<cl-duplicates>`, loaded on first use.
 *
 * @internal
 *
 * @event bulk-confirm - The admin confirmed.
 * @event dialog-close - The dialog closed.
 */
export class DuplicatesBulk extends DuplicatesPart {
  static override properties = { ...DuplicatesPart.properties, merges: { attribute: false } };

  /** The merges the selection makes. */
  declare merges: { survivor: Listed; merged: Listed }[] | undefined;

  /** Opens the dialog with the focus on its confirmation. */
  async show(): Promise<void> {
    await this.updateComplete;
    const dialog = this.dialog;
    if (dialog && !dialog.open) dialog.showModal();
    this.querySelector<HTMLButtonElement>('button[type=submit]')?.focus();
  }

  #content() {
    const t = this.t;
    const merges = this.merges;
    if (!merges) return nothing;
    return html`<form novalidate @submit=${(e: Event) => {
        e.preventDefault();
        this.dispatchEvent(new BulkConfirmEvent());
      }}>
      <h3 id="bulk-title">${t('bulkTitle')}</h3>
      <ul>
        ${merges.map((x) => html`<li>${t('bulkInto', { merged: customerDisplayName(x.merged), survivor: customerDisplayName(x.survivor) })}</li>`)}
      </ul>
      <div class="error" role="alert">${this.error}</div>
      <div class="dialog-actions">
        <button type="button" @click=${() => this.close()}>${t('cancel')}</button>
        <button type="submit" ?disabled=${this.busy}>${t('bulkConfirm', { n: formatNumber(merges.length, this.locale) })}</button>
      </div>
    </form>`;
  }

  override render() {
    return html`<dialog id="bulk" part="dialog" aria-labelledby="bulk-title" @close=${() => this.dispatchEvent(new DialogCloseEvent())}>${this.#content()}</dialog>`;
  }
}
