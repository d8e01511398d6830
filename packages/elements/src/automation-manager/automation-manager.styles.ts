import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  h3 { font-size: 1rem; margin: 0 0 0.5rem; width: 100%; }
  .note, .hint { color: var(--_muted); }
  .hint { font-size: 0.875em; }
  form { display: flex; flex-wrap: wrap; gap: 0.75rem 1rem; align-items: flex-start; margin-top: 1rem; border-top: 1px solid var(--_border); padding-top: 1rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 12rem; }
  .field:has(textarea) { flex-basis: 100%; }
  textarea { font: inherit; }
  button, select, input:not([type=checkbox]) { min-height: var(--_target); }
  .check { display: flex; align-items: center; gap: 0.5rem; min-height: var(--_target); }
  .actions { display: flex; gap: 0.5rem; width: 100%; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: middle; }
  tr.off th, tr.off td:not(:nth-child(4)) { color: var(--_muted); }
  .switch[aria-checked='true'] { font-weight: 600; }
  .figures { display: flex; gap: 0.75rem; margin: 0; }
  .figures div { display: flex; flex-direction: column; }
  .figures dt { font-size: 0.75em; color: var(--_muted); }
  .figures dd { margin: 0; font-variant-numeric: tabular-nums; }
  .error { color: var(--_danger); font-size: 0.875em; min-height: 1em; }
  .status, .preview { min-height: 1.5em; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .table-wrap { overflow-x: auto; }
  .field.filter { flex-basis: 100%; }
  .label { font-weight: 500; }
  .danger { color: var(--_danger); }
  dialog.confirm { max-width: 28rem; border: 1px solid var(--_border); border-radius: 8px; padding: 1rem; }
  dialog.confirm .actions { justify-content: flex-end; }
  dialog.confirm::backdrop { background: rgb(0 0 0 / 0.4); }
`;
