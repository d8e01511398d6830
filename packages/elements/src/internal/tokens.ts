import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Design tokens every element reads, written once. A page themes Clientela by setting `--cl-*`
 * custom properties (dark mode is only a different set of values); these are the fallbacks.
 * Lines and dividers use `--_border`; the boundary of a form control uses `--_control-border`,
 * darker, because a control's edge must keep 3:1 against the surface (WCAG 1.4.11). A page that
 * sets only `--cl-color-border` sets both.
 */
const declarations = css`
    --_accent: var(--cl-color-accent, #0b5cad);
    --_accent-contrast: var(--cl-color-accent-contrast, #ffffff);
    --_text: var(--cl-color-text, #1c2430);
    --_muted: var(--cl-color-text-muted, #4f5b6b);
    --_surface: var(--cl-color-surface, #ffffff);
    --_surface-alt: var(--cl-color-surface-alt, #f3f5f8);
    --_border: var(--cl-color-border, #c9d1dc);
    --_control-border: var(--cl-color-control-border, var(--cl-color-border, #6b7788));
    --_danger: var(--cl-color-danger, #b42318);
    --_success: var(--cl-color-success, #067647);
    --_warning: var(--cl-color-warning, #8a4b00);
    --_focus: var(--cl-color-focus, #1a73e8);
    --_radius: var(--cl-radius, 6px);
    --_font: var(--cl-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_target: var(--cl-size-target, 44px);
`;

/** The tokens of a shadow-DOM element, with the base rules every element shares. */
export const tokens = css`
  :host {
    ${declarations}
    font-family: var(--_font);
    color: var(--_text);
  }
  :host([hidden]) {
    display: none !important;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  button {
    font: inherit;
    min-height: 32px;
    min-width: 32px;
    border-radius: var(--_radius);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
    padding: 0 0.75rem;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-contrast);
  }
  button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: #fff;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
`;

/**
 * The same tokens on a tag, for the elements that render into light DOM (so that autofill and
 * password managers reach their inputs) and cannot use `:host`.
 *
 * @example
 * export const styles = css`${scopedTokens('cl-customer-form')} cl-customer-form { display: block; }`;
 */
export function scopedTokens(tag: string): CSSResult {
  return css`
    ${unsafeCSS(tag)} {
      ${declarations}
      font-family: var(--_font);
      color: var(--_text);
    }
  `;
}
