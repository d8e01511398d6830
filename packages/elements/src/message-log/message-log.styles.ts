import { css } from 'lit';

/** What the message log adds to the log view: counts by status, texts, statuses in colour. */
export const logStyles = css`
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .text {
    max-width: 28rem;
    overflow-wrap: anywhere;
  }
  .full-text {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    background: var(--_surface-alt);
    border-radius: var(--_radius);
    padding: 0.75rem;
    margin: 0;
  }
  .st-failed {
    color: var(--_danger);
  }
  .st-delivered {
    color: var(--_success);
  }
`;
