import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  .note { color: var(--_muted); margin: 0 0 1rem; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-bottom: 0.75rem; }
  button { min-height: var(--_target); }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
  .who { display: flex; flex-direction: column; }
  .muted { color: var(--_muted); font-size: 0.875em; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .status { min-height: 1.5em; }
  .error { color: var(--_danger); }
  input[type='checkbox'], input[type='radio'] { width: 24px; height: 24px; margin: 0; }
  label.choice { display: flex; gap: 0.5rem; align-items: center; min-height: 24px; }
  dialog { max-width: 48rem; width: calc(100% - 2rem); border: 1px solid var(--_border); border-radius: 8px; }
  dialog form { display: flex; flex-direction: column; gap: 0.75rem; }
  fieldset { border: 1px solid var(--_border); border-radius: 6px; display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem; }
  legend { font-weight: 600; }
  dl { display: grid; grid-template-columns: auto auto; gap: 0.25rem 1rem; margin: 0; }
  dd { margin: 0; }
  .dialog-actions { display: flex; gap: 0.5rem; justify-content: flex-end; }
  progress { width: 100%; }
`;
