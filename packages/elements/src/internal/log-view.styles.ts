import { css } from 'lit';

/** The list screens of the data log and the message log: a heading, a toolbar of filters, a table of entries and a pager. */
export const logView = css`
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
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
  }
  label {
    display: grid;
    gap: 0.25rem;
    font-size: 0.875rem;
    color: var(--_muted);
  }
  :host {
    /* The filter bar is dense; 32px keeps its controls above the 24px target minimum. */
    --_control-height: 32px;
  }
  .status:empty {
    display: none;
  }
  th,
  td {
    vertical-align: top;
  }
  .muted {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .mono {
    font-family: var(--cl-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
  }
  [part='pager'] {
    display: flex;
    gap: 0.75rem;
    align-items: center;
  }
`;
