import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { defaultLayout, MAX_PINNED, menuColumns, withMoved, withPinned, withVisible, type ColumnLayout } from './columns.js';
import { LayoutChangeEvent, partRequest } from './parts.events.js';
import { TablePart } from './table-part.js';

/**
 * @summary The table's column menu: show or hide each column, pin up to five at the start, and
 * move them up or down. Part of `<cl-customer-table>`, loaded after its first rows.
 *
 * @internal
 *
 * @event layout-change - A new layout was chosen (`event.layout`).
 * @event menu-close - Close or Escape was pressed.
 */
export class TableColumnMenu extends TablePart {
  static override properties = { ...TablePart.properties, layout: { attribute: false } };

  /** The layout in use. */
  declare layout: ColumnLayout;

  constructor() {
    super();
    this.layout = defaultLayout();
  }

  #change(layout: ColumnLayout): void {
    if (layout === this.layout) {
      // Nothing changed (a pin past the limit): render again, so live() puts the boxes back.
      this.requestUpdate();
      return;
    }
    // Kept at once, not when the table renders again: a second change made before that (two
    // boxes ticked in one task) builds on this one instead of undoing it.
    this.layout = layout;
    this.dispatchEvent(new LayoutChangeEvent(layout));
  }

  override render() {
    const { hidden, pinned } = this.layout;
    const list = menuColumns(this.layout);
    return html`<div
      id="column-menu"
      class="popover column-menu"
      part="column-menu"
      role="dialog"
      aria-label=${this.t('columnsMenu')}
      @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.dispatchEvent(partRequest('menu-close'))}
    >
      <p class="hint">${this.t('pinHint')}</p>
      <ul>
        ${list.map((col, i) => {
          const name = this.t(col.label);
          const isPinned = pinned.includes(col.key);
          return html`<li data-key=${col.key}>
            <label class="check grow">
              <input
                type="checkbox"
                name="show"
                .checked=${live(isPinned || !hidden.includes(col.key))}
                ?disabled=${isPinned}
                @change=${(e: Event) => this.#change(withVisible(this.layout, col.key, (e.target as HTMLInputElement).checked))}
              />
              ${name}
            </label>
            <label class="check pin" title=${this.t('pin', { name })}>
              <input
                type="checkbox"
                name="pin"
                aria-label=${this.t('pin', { name })}
                .checked=${live(isPinned)}
                ?disabled=${!isPinned && pinned.length >= MAX_PINNED}
                @change=${(e: Event) => this.#change(withPinned(this.layout, col.key, (e.target as HTMLInputElement).checked))}
              />
              <span class="icon icon-pin" aria-hidden="true"></span>
            </label>
            <button type="button" name="up" aria-label=${this.t('moveUp', { name })} ?disabled=${i === 0} @click=${() => this.#change(withMoved(this.layout, col.key, -1))}>↑</button>
            <button type="button" name="down" aria-label=${this.t('moveDown', { name })} ?disabled=${i === list.length - 1} @click=${() => this.#change(withMoved(this.layout, col.key, 1))}>↓</button>
          </li>`;
        })}
      </ul>
      <button type="button" @click=${() => this.dispatchEvent(partRequest('menu-close'))}>${this.t('close')}</button>
    </div>`;
  }
}
