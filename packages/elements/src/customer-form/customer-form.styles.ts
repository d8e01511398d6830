import { css } from 'lit';

/**
 * The form renders in light DOM (so autofill and password managers reach its inputs), so its
 * styles are scoped by the tag name and adopted once per document or shadow root. Every colour,
 * radius and size reads a `--cl-*` token.
 */
export const styles = css`
  cl-customer-form {
    --_accent: var(--cl-color-accent, #0b5cad);
    --_accent-contrast: var(--cl-color-accent-contrast, #ffffff);
    --_text: var(--cl-color-text, #1c2430);
    --_muted: var(--cl-color-text-muted, #4f5b6b);
    --_surface: var(--cl-color-surface, #ffffff);
    --_surface-alt: var(--cl-color-surface-alt, #f3f5f8);
    --_border: var(--cl-color-border, #6b7788);
    --_danger: var(--cl-color-danger, #b42318);
    --_success: var(--cl-color-success, #067647);
    --_focus: var(--cl-color-focus, #1a73e8);
    --_radius: var(--cl-radius, 6px);
    --_target: var(--cl-size-target, 44px);
    display: block;
    container-type: inline-size;
    font-family: var(--cl-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
  }
  cl-customer-form[hidden] { display: none !important; }
  cl-customer-form .cl-cf-form { display: grid; gap: 1rem; }
  cl-customer-form fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0.75rem 1rem 1rem; margin: 0; min-width: 0; }
  cl-customer-form legend { font-weight: 600; padding: 0 0.25rem; }
  cl-customer-form .cl-cf-grid { display: grid; grid-template-columns: 1fr; gap: 0.75rem 1rem; }
  @container (min-width: 600px) {
    cl-customer-form .cl-cf-grid { grid-template-columns: 1fr 1fr; }
    cl-customer-form .cl-cf-wide { grid-column: 1 / -1; }
  }
  cl-customer-form .cl-cf-field { display: flex; flex-direction: column; gap: 0.25rem; min-width: 0; }
  cl-customer-form label { font-weight: 500; }
  cl-customer-form .cl-cf-note { color: var(--_muted); font-weight: 400; font-size: 0.875em; }
  cl-customer-form input:not([type='checkbox']):not([type='radio']), cl-customer-form select {
    font: inherit; color: var(--_text); background: var(--_surface);
    min-height: var(--_target); box-sizing: border-box; width: 100%;
    border: 1px solid var(--_border); border-radius: var(--_radius); padding: 0 0.75rem;
  }
  cl-customer-form input:disabled { background: var(--_surface-alt); }
  cl-customer-form [aria-invalid='true'] { border-color: var(--_danger) !important; box-shadow: 0 0 0 1px var(--_danger); }
  cl-customer-form :focus-visible { outline: 2px solid var(--_focus); outline-offset: 2px; }
  cl-customer-form .cl-cf-check { display: flex; align-items: center; gap: 0.5rem; min-height: var(--_target); }
  cl-customer-form .cl-cf-check input { width: 1.25rem; height: 1.25rem; margin: 0; accent-color: var(--_accent); }
  cl-customer-form .cl-cf-checks { display: flex; flex-wrap: wrap; gap: 0 1.25rem; }
  cl-customer-form .cl-cf-hint { color: var(--_muted); font-size: 0.875em; }
  cl-customer-form .cl-cf-error { color: var(--_danger); font-size: 0.875em; }
  cl-customer-form .cl-cf-error:empty, cl-customer-form .cl-cf-hint:empty { display: none; }
  cl-customer-form .cl-cf-summary, cl-customer-form .cl-cf-banner {
    border: 2px solid var(--_danger); border-radius: var(--_radius); padding: 0.75rem 1rem; background: var(--_surface);
  }
  cl-customer-form .cl-cf-summary h2 { font-size: 1rem; margin: 0 0 0.5rem; }
  cl-customer-form .cl-cf-summary ul { margin: 0; padding-left: 1.25rem; }
  cl-customer-form a { color: var(--_accent); }
  cl-customer-form .cl-cf-success { border: 2px solid var(--_success); border-radius: var(--_radius); padding: 0.75rem 1rem; }
  cl-customer-form .cl-cf-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
  cl-customer-form button {
    font: inherit; min-height: var(--_target); min-width: var(--_target); padding: 0 1rem; cursor: pointer;
    border-radius: var(--_radius); border: 1px solid var(--_border); background: var(--_surface); color: var(--_text);
  }
  cl-customer-form button.cl-cf-primary { background: var(--_accent); border-color: var(--_accent); color: var(--_accent-contrast); }
  cl-customer-form button:disabled { opacity: 0.6; cursor: not-allowed; }
  cl-customer-form .cl-cf-kind { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
  cl-customer-form .cl-cf-vh {
    position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
    clip: rect(0 0 0 0); white-space: nowrap; border: 0;
  }
  cl-customer-form .cl-cf-strength { font-size: 0.875em; }
`;
