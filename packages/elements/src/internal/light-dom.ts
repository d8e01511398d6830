import type { CSSResult } from 'lit';

const adopted = new WeakMap<CSSStyleSheet, WeakSet<Document | ShadowRoot>>();

/**
 * Adopts `styles` into the document or shadow root that `el` renders in, once per root. Elements
 * that render into light DOM (so that autofill and password managers reach their inputs) have no
 * shadow root to hold their styles; theirs are scoped by the tag name instead (see
 * `scopedTokens`). Call it from `connectedCallback`: an element moved into another root brings
 * its styles along.
 *
 * @example
 * override connectedCallback() { super.connectedCallback(); adoptLightDomStyles(this, styles); }
 */
export function adoptLightDomStyles(el: Element, styles: CSSResult): void {
  const root = el.getRootNode() as Document | ShadowRoot;
  const sheet = styles.styleSheet;
  if (!sheet || !('adoptedStyleSheets' in root)) return;
  let roots = adopted.get(sheet);
  if (!roots) adopted.set(sheet, (roots = new WeakSet()));
  if (roots.has(root)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  roots.add(root);
}
