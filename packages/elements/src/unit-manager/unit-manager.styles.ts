import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  .note, .hint { color: var(--_muted); }
  .note { margin: 0 0 1rem; }
  .hint { font-size: 0.875em; }
  form { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; margin-bottom: 1rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; }
  button { min-height: var(--_target); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: middle; }
  tr.inactive td, tr.inactive th { color: var(--_muted); }
  code { font-size: 0.875em; }
  .error { color: var(--_danger); font-size: 0.875em; }
  .status { min-height: 1.5em; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .table-wrap { overflow-x: auto; }
`;
