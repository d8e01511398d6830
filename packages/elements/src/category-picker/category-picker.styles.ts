import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    --_chip-bg: var(--cl-color-surface-alt, #f3f5f8);
    --_option-h: var(--cl-size-target, 44px);
  }
  label, .label { display: block; font-weight: 500; margin-bottom: 0.25rem; }
  [part='base'] {
    display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem;
    min-height: var(--_target); box-sizing: border-box; padding: 0.25rem 0.5rem;
    border: 1px solid var(--_control-border); border-radius: var(--_radius); background: var(--_surface);
  }
  [part='base']:focus-within { outline: 2px solid var(--_focus); outline-offset: 2px; }
  ul.chips { display: contents; list-style: none; margin: 0; padding: 0; }
  [part~='chip'] {
    display: inline-flex; align-items: center; gap: 0.35rem; background: var(--_chip-bg);
    border: 1px solid var(--_border); border-radius: 999px; padding: 0 0 0 0.6rem; min-height: 32px;
  }
  [part~='chip'].inactive { border-style: dashed; color: var(--_muted); }
  [part~='chip'] button { border: 0; background: transparent; border-radius: 999px; min-width: 32px; min-height: 32px; padding: 0; }
  .swatch { width: 0.75rem; height: 0.75rem; border-radius: 50%; flex: none; border: 1px solid rgb(0 0 0 / 0.25); }
  input[role='combobox'] {
    flex: 1 1 8rem; min-width: 6rem; min-height: 36px; border: 0; outline: none; font: inherit; color: var(--_text); background: transparent;
  }
  [part='listbox'] {
    position: absolute; z-index: 10; left: 0; right: 0; margin: 0.25rem 0 0; padding: 0.25rem 0; list-style: none;
    max-height: 16rem; overflow: auto; background: var(--_surface); border: 1px solid var(--_border);
    border-radius: var(--_radius); box-shadow: 0 4px 16px rgb(0 0 0 / 0.12);
  }
  [part='listbox'][hidden] { display: none; }
  [part~='option'] { display: flex; align-items: center; gap: 0.5rem; min-height: var(--_option-h); padding: 0 0.75rem; cursor: pointer; }
  [part~='option'][aria-selected='true']::after { content: '✓'; margin-left: auto; }
  [part~='option'].active { background: var(--_surface-alt); outline: 2px solid var(--_focus); outline-offset: -2px; }
  [part~='option'][aria-disabled='true'] { color: var(--_muted); cursor: default; }
  .create { display: grid; gap: 0.5rem; margin-top: 0.5rem; padding: 0.75rem; border: 1px solid var(--_border); border-radius: var(--_radius); }
  .create .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
  .create .row > div { display: flex; flex-direction: column; }
  .error { color: var(--_danger); font-size: 0.875em; }
  button { min-height: var(--_target); }
`;
