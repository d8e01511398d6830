import { css } from 'lit';

/**
 * The element renders into light DOM (so password managers see its inputs), so these rules are
 * adopted by the element's root node and scoped by the tag name instead of `:host`.
 */
export const styles = css`
  cl-account-access {
    --_accent: var(--cl-color-accent, #0b5cad);
    --_accent-contrast: var(--cl-color-accent-contrast, #ffffff);
    --_text: var(--cl-color-text, #1c2430);
    --_muted: var(--cl-color-text-muted, #4f5b6b);
    --_surface: var(--cl-color-surface, #ffffff);
    --_border: var(--cl-color-border, #c9d1dc);
    --_danger: var(--cl-color-danger, #b42318);
    --_success: var(--cl-color-success, #067647);
    --_focus: var(--cl-color-focus, #1a73e8);
    --_radius: var(--cl-radius, 6px);
    display: block;
    max-width: var(--cl-account-access-width, 24rem);
    font-family: var(--cl-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
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
  cl-account-access label {
    font-weight: 600;
  }
  cl-account-access input {
    font: inherit;
    min-height: 40px;
    padding: 0 0.625rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  cl-account-access input[aria-invalid='true'] {
    border-color: var(--_danger);
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
  cl-account-access button {
    font: inherit;
    min-height: 44px;
    border-radius: var(--_radius);
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-contrast);
    cursor: pointer;
    padding: 0 1rem;
  }
  cl-account-access button.secondary {
    background: var(--_surface);
    color: var(--_accent);
  }
  cl-account-access button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
`;
