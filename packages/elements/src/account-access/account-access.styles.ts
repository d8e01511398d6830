import { css } from 'lit';
import { formControls } from '../internal/form-controls.styles.js';
import { scopedTokens } from '../internal/tokens.js';

/**
 * The element renders into light DOM (so password managers see its inputs), so these rules are
 * adopted by the element's root node and scoped by the tag name instead of `:host`.
 */
export const styles = css`
  ${scopedTokens('cl-account-access')}
  cl-account-access {
    display: block;
    max-width: var(--cl-account-access-width, 24rem);
  }
  cl-account-access[data-signed-in] {
    max-width: var(--cl-account-area-width, 60rem);
  }
  cl-account-access[hidden] {
    display: none !important;
  }
  cl-account-access [data-part='base'] {
    display: grid;
    gap: 0.75rem;
  }
  cl-account-access h2 {
    font-size: 1.25rem;
    margin: 0;
  }
  cl-account-access p {
    margin: 0;
  }
  cl-account-access [data-part='field'] {
    display: grid;
    gap: 0.25rem;
  }
  cl-account-access [data-part='base'] label {
    font-weight: 600;
  }
  cl-account-access [data-part='base'] {
    ${formControls}
  }
  cl-account-access :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  cl-account-access [data-part='hint'] {
    color: var(--_muted);
    font-size: 0.875rem;
  }
  cl-account-access [data-part='error'] {
    color: var(--_danger);
    font-size: 0.875rem;
  }
  cl-account-access [data-part='notice'] {
    color: var(--_success);
  }
  cl-account-access [data-part='alert'] {
    color: var(--_danger);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
    padding: 0.5rem 0.75rem;
  }
  cl-account-access [data-part='base'] button {
    font: inherit;
    min-height: 44px;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
    padding: 0 1rem;
  }
  cl-account-access [data-part='base'] button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  /* "Esqueci minha senha": a quiet text button under the sign-in button, still a 44px target. */
  cl-account-access [data-part='base'] button.link {
    background: transparent;
    border-color: transparent;
    color: var(--_accent);
    text-decoration: underline;
    justify-self: start;
    padding: 0 0.25rem;
  }
  cl-account-access [data-part='base'] button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  cl-account-access [data-part='area'] {
    display: grid;
    gap: 1rem;
  }
  cl-account-access [data-part='area'] > header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem 1rem;
  }
  cl-account-access [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_border);
  }
  cl-account-access [role='tab'] {
    font: inherit;
    min-height: 44px;
    padding: 0 0.875rem;
    color: inherit;
    background: transparent;
    border: 0;
    border-bottom: 3px solid transparent;
    cursor: pointer;
  }
  cl-account-access [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_accent);
    font-weight: 600;
  }
  cl-account-access [data-part='area'] button.link {
    font: inherit;
    min-height: 44px;
    padding: 0 1rem;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  cl-account-access [data-part='table-wrap'] {
    overflow-x: auto;
  }
  cl-account-access table {
    width: 100%;
    border-collapse: collapse;
  }
  cl-account-access th,
  cl-account-access td {
    text-align: start;
    padding: 0.5rem;
    border-bottom: 1px solid var(--_border);
    white-space: nowrap;
  }
  cl-account-access thead th {
    color: var(--_muted);
  }
  cl-account-access .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  cl-account-access [data-part='panel'] {
    display: grid;
    gap: 0.75rem;
    align-content: start;
  }
  cl-account-access [data-part='panel'] form[data-part='base'] {
    max-width: 24rem;
  }
  /* Phones: each order or credit is a small card of label and value, no sideways scrolling. */
  @media (max-width: 40rem) {
    cl-account-access table,
    cl-account-access tbody,
    cl-account-access tr,
    cl-account-access th,
    cl-account-access td {
      display: block;
      white-space: normal;
    }
    cl-account-access thead {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
    cl-account-access tbody tr {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.25rem 0.75rem;
      margin-bottom: 0.5rem;
    }
    cl-account-access tbody th,
    cl-account-access tbody td {
      display: flex;
      justify-content: space-between;
      gap: 1rem;
      border: 0;
      padding: 0.25rem 0;
    }
    cl-account-access tbody [data-label]::before {
      content: attr(data-label);
      color: var(--_muted);
      font-weight: 400;
    }
  }
`;
