import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  .note { color: var(--_muted); margin: 0 0 1rem; }
  form { display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; align-items: flex-end; margin-bottom: 1rem; }
  .field { display: flex; flex-direction: column; gap: 0.25rem; }
  button { min-height: var(--_target); }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: middle; }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.inactive td { color: var(--_muted); }
  .swatch { display: inline-block; width: 1rem; height: 1rem; border-radius: 50%; border: 1px solid rgb(0 0 0 / 0.25); vertical-align: middle; }
  .error { color: var(--_danger); font-size: 0.875em; }
  .status { min-height: 1.5em; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .check { display: flex; align-items: center; gap: 0.5rem; min-height: var(--_target); }
  .badge { font-size: 0.75em; font-weight: normal; padding: 0 0.4em; border-radius: 0.5em; border: 1px solid var(--_border); }
  .rule { font-weight: normal; font-size: 0.875em; color: var(--_muted); }
  .rule-panel { flex-basis: 100%; border: 1px solid var(--_border); border-radius: 0.5rem; padding: 0.75rem; margin: 0.5rem 0 1rem; }
  .rule-panel h3 { font-size: 1rem; margin: 0 0 0.25rem; }
  .rule-text { min-height: 1.5em; }
  input.discount { width: 5.5rem; }
  .table-wrap { overflow-x: auto; }
`;
