import { css } from 'lit';
import { formControls } from '../internal/form-controls.styles.js';
import { scopedTokens } from '../internal/tokens.js';

/**
 * The form renders in light DOM (so autofill and password managers reach its inputs), so its
 * styles are scoped by the tag name (CSS nesting) and adopted once per document or shadow root.
 * Every colour, radius and size reads a `--cl-*` token.
 */
export const styles = css`
  ${scopedTokens('cl-customer-form')}
  cl-customer-form {
    display: block;
    container-type: inline-size;
    &[hidden] { display: none !important; }
    form, .cl-cf-grid { display: grid; gap: 0.75rem 1rem; }
    fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75rem 1rem 1rem; margin: 0; min-width: 0; }
    legend { font-weight: 600; padding: 0 0.25rem; }
    @container (min-width: 600px) {
      .cl-cf-grid { grid-template-columns: 1fr 1fr; }
      .cl-cf-wide { grid-column: 1 / -1; }
    }
    .cl-cf-field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
    .cl-cf-note, .cl-cf-hint { color: var(--_muted); font-size: 0.875em; font-weight: 400; }
    ${formControls}
    input:not([type='checkbox'], [type='radio']), select { width: 100%; }
    :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
    .cl-cf-check { display: flex; align-items: center; gap: 0.5rem; min-height: var(--_target); }
    .cl-cf-check input { width: 1.25rem; height: 1.25rem; margin: 0; }
    .cl-cf-checks, .cl-cf-kind, .cl-cf-actions { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
    .cl-cf-actions { gap: 0.75rem; }
    .cl-cf-error { color: var(--_danger); font-size: 0.875em; }
    .cl-cf-error:empty, .cl-cf-hint:empty { display: none; }
    .cl-cf-summary, .cl-cf-banner, .cl-cf-success { border: 2px solid var(--_danger); border-radius: var(--_radius); padding: 0.75rem 1rem; }
    .cl-cf-success { border-color: var(--_success); }
    .cl-cf-summary h2 { font-size: 1rem; margin: 0 0 0.5rem; }
    button {
      font: inherit; min-height: var(--_target); min-width: var(--_target); padding: 0 1rem;
      border-radius: var(--_radius); border: 1px solid var(--_border); background: var(--_surface); color: var(--_text);
    }
    .cl-cf-primary { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-contrast); }
    button:disabled { opacity: 0.6; }
    .cl-cf-reveal { align-self: flex-start; }
    .cl-cf-done { border: 2px solid var(--_success); border-radius: var(--_radius); padding: 1rem; }
    .cl-cf-done h2 { font-size: 1.25rem; margin: 0 0 0.5rem; }
    a.cl-cf-primary {
      display: inline-flex; align-items: center; min-height: var(--_target); padding: 0 1rem; border-radius: var(--_radius);
      font-weight: 600; text-decoration: none;
    }
    .cl-cf-vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  }
`;
