import { css } from 'lit';

export const styles = css`
  :host {
    display: inline;
    font-variant-numeric: tabular-nums;
    font-family: var(--cl-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    color: var(--cl-color-text, inherit);
  }
`;
