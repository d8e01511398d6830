import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  /* minmax(0, 1fr), not auto: a wide table must scroll inside its section, not widen the card
  past a phone's screen. */
  [part~='base'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1rem;
  }
  .title {
    flex: 1;
    min-width: 0;
  }
  header {
    display: flex;
    gap: 1rem;
    align-items: flex-start;
  }
  [part='avatar'] {
    flex: none;
    display: grid;
    place-items: center;
    width: 3.5rem;
    height: 3.5rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-contrast);
    font-weight: 700;
    font-size: 1.25rem;
  }
  h2 {
    margin: 0;
    font-size: 1.375rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  p {
    margin: 0.25rem 0;
  }
  .muted {
    color: var(--_muted);
  }
  .meta {
    display: flex;
    gap: 0.5rem;
    align-items: center;
  }
  .status {
    border-radius: 999px;
    padding: 0.125rem 0.5rem;
    font-size: 0.8125rem;
    font-weight: 600;
    border: 1px solid currentColor;
  }
  .status.active {
    color: var(--_success);
  }
  .status.blocked,
  .status.deleted {
    color: var(--_danger);
  }
  .status.inactive {
    color: var(--_muted);
  }
  cl-category-picker {
    display: block;
    margin: 0.5rem 0;
    max-width: 28rem;
  }
  dl {
    margin: 0;
    display: grid;
    gap: 0.375rem;
  }
  dl > div {
    display: grid;
    grid-template-columns: minmax(6rem, max-content) minmax(0, 1fr);
    gap: 0.5rem;
    align-items: center;
  }
  dt {
    color: var(--_muted);
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  dl.inline {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }
  dl.inline > div {
    display: flex;
    gap: 0.375rem;
  }
  dl.stats {
    grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr));
  }
  dl.stats > div {
    display: block;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  dl.stats dd {
    overflow-wrap: normal;
    font-size: 1.125rem;
    font-weight: 600;
  }
  .grid {
    display: grid;
    gap: 1rem;
    grid-template-columns: repeat(auto-fit, minmax(min(19rem, 100%), 1fr));
  }
  [part~='section'] {
    border-top: 1px solid var(--_border);
    padding-top: 0.75rem;
    min-width: 0;
  }
  /* A phone-wide card: the orders and credits tables wrap their cells instead of widening the
  card (a scrolling section would need a keyboard stop of its own). */
  @container (max-width: 30rem) {
    th,
    td {
      padding: 0.375rem 0.25rem;
      overflow-wrap: anywhere;
    }
    table {
      font-size: 0.875rem;
    }
  }
  .grid > * {
    min-width: 0;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.5rem;
    align-items: center;
  }
  .wrap {
    flex-wrap: wrap;
  }
  .mono {
    white-space: nowrap;
    font-family: var(--cl-font-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
    font-variant-numeric: tabular-nums;
  }
  address {
    font-style: normal;
  }
  a {
    color: var(--_accent);
  }
  tr.used,
  tr.expired {
    color: var(--_muted);
  }
  :host {
    /* The card's edit parts sit in dense rows; 32px keeps them above the 24px target minimum. */
    --_control-height: 32px;
  }
  .link input {
    flex: 1;
    min-width: 0;
  }
  .access {
    margin-top: 0.75rem;
  }
  .message:empty {
    display: none;
  }
  .message.ok {
    color: var(--_success);
  }
  .message.error {
    color: var(--_danger);
  }
  .notes {
    white-space: pre-wrap;
  }
  .channels {
    border: 0;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }
  .channels legend {
    padding: 0;
    margin-bottom: 0.25rem;
    color: var(--_muted);
    font-size: 0.875rem;
  }
  .switch {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--_control-height, var(--_target));
  }
  .msg-text {
    max-width: 24rem;
    overflow-wrap: anywhere;
  }
`;
