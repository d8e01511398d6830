import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  form,
  [part='result'] {
    display: grid;
    gap: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.25rem;
  }
  .radio,
  .tick {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-height: var(--_target);
  }
  .tick {
    align-items: flex-start;
    font-weight: 600;
  }
  .tick input {
    margin-top: 0.2rem;
  }
  .field {
    display: grid;
    gap: 0.25rem;
  }
  .field > label,
  .text-head label {
    font-weight: 600;
  }
  .text-head {
    display: flex;
    justify-content: space-between;
    align-items: end;
    gap: 0.5rem;
  }
  textarea {
    min-height: 8rem;
    resize: vertical;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875rem;
    margin: 0;
  }
  .error {
    color: var(--_danger);
    font-size: 0.875rem;
    margin: 0;
  }
  .error:empty {
    display: none;
  }
  [part='preview'] {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem 1rem;
    background: var(--_surface-alt);
  }
  [part='counts'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.25rem 1rem;
    margin: 0 0 0.75rem;
  }
  [part='counts'] dt {
    color: var(--_muted);
  }
  [part='counts'] dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  [part='counts'] .receive {
    color: var(--_text);
    font-weight: 600;
  }
  [part='sample'] {
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75rem;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part='sample'] .sample-subject {
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  .actions {
    display: flex;
    gap: 0.5rem;
    justify-content: flex-end;
    flex-wrap: wrap;
  }
  [role='alert']:empty {
    display: none;
  }
  [role='alert'] {
    color: var(--_danger);
  }
`;
