import { css } from 'lit';

// The list's styles; the dialogs bring theirs (parts.styles.ts).
export const styles = css`
  :host { display: block; }
  h2 { font-size: 1.125rem; margin: 0 0 0.5rem; }
  .note { color: var(--_muted); margin: 0 0 1rem; }
  .toolbar, .failed { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin-bottom: 0.75rem; }
  button { min-height: var(--_target); }
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: 0.25rem 0.5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
  .who { display: flex; flex-direction: column; }
  .muted { color: var(--_muted); font-size: 0.875em; }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
  .status { min-height: 1.5em; }
  .error { color: var(--_danger); }
  input[type='checkbox'] { width: 24px; height: 24px; margin: 0; }
  progress { width: 100%; }
`;
