import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  .note { color: var(--_muted); margin: 0 0 1rem; }
  .toolbar { display: flex; gap: 0.75rem; align-items: flex-end; margin-bottom: 0.75rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; }
  .new { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; margin-bottom: 0.75rem; }
  .new h3 { flex-basis: 100%; font-size: 1rem; margin: 0; }
  button, select { min-height: var(--_target); }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: middle; }
  .overdue { color: var(--_danger); font-weight: 600; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .error { color: var(--_danger); font-size: 0.875em; }
  .status { min-height: 1.5em; }
  dialog { max-width: 32rem; border: 1px solid var(--_border); border-radius: 8px; }
  dialog form { display: flex; flex-direction: column; gap: 0.75rem; }
  .dialog-actions { display: flex; gap: 0.5rem; justify-content: flex-end; }
`;
