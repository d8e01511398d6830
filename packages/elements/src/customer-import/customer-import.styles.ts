import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  [part='base'] {
    display: grid;
    gap: 0.75rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0.5rem 0 0;
    font-size: 1rem;
  }
  p {
    margin: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .muted {
    color: var(--_muted);
  }
  [part='dropzone'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
    align-items: center;
    justify-content: center;
    min-height: 7rem;
    padding: 1rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    text-align: center;
  }
  [part='dropzone'].dragging {
    border-color: var(--_accent);
  }
  .file {
    position: relative;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .file input {
    position: absolute;
    inset: 0;
    opacity: 0;
    width: 100%;
    cursor: pointer;
  }
  .file:focus-within {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .progress {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
  progress {
    width: 12rem;
  }
  .error {
    color: var(--_danger);
  }
  .error:empty {
    display: none;
  }
  .ok {
    color: var(--_success);
  }
  [part='summary'] {
    font-weight: 600;
  }
  dl[part='summary'] {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: 0.5rem;
    margin: 0;
  }
  dl[part='summary'] > div {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  dt {
    color: var(--_muted);
    font-weight: 400;
  }
  dd {
    margin: 0;
    font-size: 1.25rem;
  }
  .scroll {
    max-height: 16rem;
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9375rem;
  }
  caption {
    text-align: start;
    padding: 0.375rem 0.5rem;
    color: var(--_muted);
  }
  th,
  td {
    text-align: start;
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .mono {
    font-family: var(--cl-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
  }
  .outcome.reject {
    color: var(--_danger);
    font-weight: 600;
  }
  .outcome.create {
    color: var(--_success);
  }
`;
