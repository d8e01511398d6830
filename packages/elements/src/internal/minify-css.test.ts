import type { CSSResult } from 'lit';
import { describe, expect, it } from 'vitest';
import { minifyCssTemplates, minifyCssText } from '../../scripts/css-minify.mjs';

// The build minifies the CSS of the built elements (scripts/minify-css.mjs, through css-minify.mjs). Chromium reads every
// stylesheet of the package before and after, and must find the same rules.
// Every exported stylesheet, and the `styles` of every element class (some keep theirs inline).
const modules = import.meta.glob<Record<string, unknown>>(['../**/*.styles.ts', './tokens.ts', '../**/*.component.ts'], { eager: true });
const isCss = (v: unknown): v is CSSResult => !!v && typeof (v as CSSResult).cssText === 'string';
const sheets = Object.entries(modules).flatMap(([path, m]) =>
  Object.entries(m).flatMap(([name, v]) => {
    const found = typeof v === 'function' ? [(v as { styles?: unknown }).styles].flat(Infinity) : [v];
    return found.filter(isCss).map((css, i) => [`${path} ${name} ${i}`, css.cssText] as const);
  }),
);
const rules = (text: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return [...sheet.cssRules].map((r) => r.cssText);
};

describe('minify-css', () => {
  it('finds the stylesheets', () => {
    expect(sheets.length).toBeGreaterThan(30);
  });

  it('keeps every rule of every stylesheet of the package, and makes them smaller', () => {
    let before = 0;
    let after = 0;
    for (const [name, text] of sheets) {
      const min = minifyCssText(text);
      expect(rules(min), name).toEqual(rules(text));
      expect(minifyCssText(min), `${name}, minified twice`).toBe(min);
      before += text.length;
      after += min.length;
    }
    expect(after).toBeLessThan(before * 0.9);
  });

  it('keeps strings, interpolations and the space an interpolation needs', () => {
    const source = [
      'const a = css`',
      '  /* a comment */',
      '  :host { content: "a  ,  b"; --icon: ${svg("%3Cpath d=\'M2 12s4-7\'/%3E")}; }',
      '  ${unsafeCSS(tag)} {',
      '    color: red ;',
      '  }',
      '  ${tokens} .x > .y:hover { margin: 0 auto; }',
      '`;',
      'const b = `not css  { }`;',
    ].join('\n');
    expect(minifyCssTemplates(source)).toBe(
      [
        'const a = css`:host{content:"a  ,  b";--icon:${svg("%3Cpath d=\'M2 12s4-7\'/%3E")}}${unsafeCSS(tag)}{color:red}${tokens} .x > .y:hover{margin:0 auto}`;',
        'const b = `not css  { }`;',
      ].join('\n'),
    );
    expect(minifyCssTemplates(minifyCssTemplates(source))).toBe(minifyCssTemplates(source));
  });
});
