// What scripts/minify-css.mjs does to each built file: the CSS of its `css` templates minified.
// No Node imports, so the browser test that checks it against Chromium's CSS parser can load it.

/** The CSS text of one static part of a template, minified; its strings are kept as written. */
export function minifyCssText(text) {
  const strings = [];
  let code = '';
  for (let i = 0; i < text.length; ) {
    const c = text[i];
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      code += ' ';
    } else if (c === '"' || c === "'") {
      // A CSS string (content: "…", a data: URL): set aside, put back as it was.
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' ? 2 : 1;
      strings.push(text.slice(i, j + 1));
      code += `\u0000${strings.length - 1}\u0000`;
      i = j + 1;
    } else {
      code += c;
      i++;
    }
  }
  return code
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};])\s*/g, '$1')
    .replace(/;}/g, '}')
    .replace(/([{;][-\w]+):\s+/g, '$1:')
    .trim()
    .replace(/\u0000(\d+)\u0000/g, (_, n) => strings[Number(n)]);
}

/** `source` with the static text of every css`…` template minified (a template without `${` inside a string). */
export function minifyCssTemplates(source) {
  return source.replace(/\bcss\s*`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^}]*\})*)`/g, (whole, body) => {
    // Keep each ${…} as it is; minify the text between them. A part that starts or ends next to
    // an interpolation keeps its edge spaces, as `${a} ${b}` may need the space between.
    const parts = body.split(/(\$\{[^}]*\})/);
    const min = parts.map((p, k) => {
      if (k % 2) return p;
      const m = minifyCssText(p);
      const lead = k > 0 && /^\s/.test(p) && !/^\s*[{};,]/.test(p) ? ' ' : '';
      const trail = k < parts.length - 1 && /\s$/.test(p) && !/[{};,:]\s*$/.test(p) ? ' ' : '';
      return lead + m + trail;
    });
    return `css\`${min.join('')}\``;
  });
}
