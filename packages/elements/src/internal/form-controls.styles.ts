import { css } from 'lit';

/**
 * How every Clientela form control looks, written once: text inputs, selects and text areas
 * (their edge in `--_control-border`, 3:1 against the surface as WCAG 1.4.11 asks, and at least
 * the target size), colour inputs, checkboxes and radios in the accent colour, and the invalid
 * state. It reads the tokens (`tokens` / `scopedTokens`). A shadow-DOM element lists it in its
 * `styles`; a light-DOM element nests it under its tag (`cl-x { ${formControls} }`), so it
 * reaches only its own controls. An element may make its controls denser by setting
 * `--_control-height` (not below 24px: WCAG 2.5.8).
 *
 * @example
 * static override styles = [tokens, formControls, styles];
 */
export const formControls = css`
  input:not([type='checkbox'], [type='radio'], [type='color'], [type='file'], [role='combobox']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    box-sizing: border-box;
    min-height: var(--_control-height, var(--_target));
    padding: 0 0.75rem;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
  }
  textarea {
    padding: 0.5rem 0.75rem;
  }
  input[type='color'] {
    min-height: var(--_control-height, var(--_target));
    min-width: var(--_control-height, var(--_target));
    padding: 2px;
    border: 1px solid var(--_control-border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input:disabled,
  select:disabled,
  textarea:disabled {
    background: var(--_surface-alt);
  }
  input[type='checkbox'],
  input[type='radio'] {
    accent-color: var(--_accent);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
    box-shadow: 0 0 0 1px var(--_danger);
  }
`;
