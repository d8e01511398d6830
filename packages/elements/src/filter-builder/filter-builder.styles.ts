import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    --_chip-bg: var(--cl-color-surface-alt, #f3f5f8);
  }
  [part='base'] { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
  ul.chips { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; margin: 0; padding: 0; }
  .chip {
    display: inline-flex; align-items: center; background: var(--_chip-bg); border: 1px solid var(--_border);
    border-radius: 999px; min-height: var(--_target); box-sizing: border-box;
  }
  .chip-text { border: 0; background: transparent; border-radius: 999px; padding: 0 0.5rem 0 0.9rem; min-height: var(--_target); font: inherit; color: var(--_text); cursor: pointer; }
  span.chip-text { display: inline-flex; align-items: center; cursor: default; }
  .chip-remove { border: 0; background: transparent; border-radius: 999px; min-width: var(--_target); min-height: var(--_target); font-size: 1.1rem; color: var(--_text); cursor: pointer; }
  .or { color: var(--_muted); font-size: 0.875em; padding: 0 0.15rem; }
  .chip-or { border: 0; background: transparent; border-radius: 999px; min-height: var(--_target); padding: 0 0.6rem; color: var(--_accent); font-size: 0.875em; cursor: pointer; }
  .chip-or[disabled] { display: none; }
  .chip-remove:hover, .chip-text:hover, .chip-or:hover { background: rgb(0 0 0 / 0.06); }
  button { font: inherit; min-height: var(--_target); }
  [part='add'], [part='views'], .actions button {
    border: 1px solid var(--_control-border); background: var(--_surface); color: var(--_text); border-radius: var(--_radius); padding: 0 0.9rem; cursor: pointer;
  }
  .link { border: 0; background: transparent; color: var(--_accent); text-decoration: underline; cursor: pointer; padding: 0 0.5rem; }
  .count { color: var(--_muted); margin-left: auto; font-variant-numeric: tabular-nums; }
  .menu-wrap { position: relative; }
  [part='menu'] {
    position: absolute; z-index: 20; top: calc(100% + 0.25rem); left: 0; min-width: 16rem; max-height: 22rem; overflow: auto;
    display: flex; flex-direction: column; padding: 0.25rem 0; background: var(--_surface); border: 1px solid var(--_border);
    border-radius: var(--_radius); box-shadow: 0 4px 16px rgb(0 0 0 / 0.14);
  }
  [part='menu'][hidden] { display: none; }
  [part='menu'] [role^='menuitem'] {
    display: flex; align-items: center; justify-content: space-between; gap: 1rem; text-align: left; border: 0; background: transparent;
    padding: 0 0.9rem; color: var(--_text); cursor: pointer; white-space: nowrap;
  }
  [part='menu'] [role^='menuitem']:hover, [part='menu'] [role^='menuitem']:focus { background: var(--_surface-alt); }
  [part='menu'] [role='menuitemradio'][aria-checked='true'] { font-weight: 600; }
  [part='menu'] [role='menuitemradio'][aria-checked='true']::before { content: '✓'; margin-right: 0.25rem; }
  [role='separator'] { border-top: 1px solid var(--_border); margin: 0.25rem 0; }
  .badge { font-size: 0.8em; color: var(--_muted); }
  dialog { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 1.25rem; max-width: min(32rem, calc(100vw - 2rem)); color: var(--_text); background: var(--_surface); }
  dialog::backdrop { background: rgb(0 0 0 / 0.35); }
  dialog h2 { font-size: 1.1rem; margin: 0 0 1rem; }
  form { display: grid; gap: 0.9rem; }
  .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; }
  .hint { color: var(--_muted); font-size: 0.875em; }
  .error { color: var(--_danger); font-size: 0.875em; }
  fieldset { border: 0; margin: 0; padding: 0; }
  legend { font-weight: 500; margin-bottom: 0.35rem; padding: 0; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(7rem, 1fr)); gap: 0 0.5rem; }
  .check { display: inline-flex; align-items: center; gap: 0.4rem; min-height: var(--_target); }
  .check input { width: 1.1rem; height: 1.1rem; margin: 0; }
  .actions { display: flex; justify-content: flex-end; gap: 0.5rem; }
  .actions .primary { background: var(--_accent); color: var(--_accent-contrast); border-color: var(--_accent); }
  .actions .primary[disabled] { opacity: 0.6; }
  .narrow { display: none; }
  /* A phone: "+ Condição", so the views button, the add button and the count share one line. */
  @container (max-width: 480px) {
    .wide { display: none; }
    .narrow { display: inline; }
  }
`;
