// Minifies the CSS inside the `css` tagged templates of the built elements (dist/**/*.js), in
// place, after tsc: esbuild minifies the JavaScript around a template but keeps its text as
// written, so every comment, indent and line break of the styles was shipped. Conservative on
// purpose: comments go, runs of white space become one space, and the space next to `{ } ;`
// and after a declaration's `:` goes — never inside a string, and `${…}` parts are kept as they
// are. Running it twice changes nothing. (src/internal/minify-css.test.ts checks every stylesheet
// of the package keeps its rules, as Chromium parses them.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minifyCssTemplates } from './css-minify.mjs';

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'cdn') yield* files(path);
    } else if (entry.name.endsWith('.js')) yield path;
  }
}

{
  const dist = fileURLToPath(new URL('../dist/', import.meta.url));
  let before = 0;
  let after = 0;
  for (const file of files(dist)) {
    const source = readFileSync(file, 'utf8');
    if (!/\bcss\s*`/.test(source)) continue;
    const min = minifyCssTemplates(source);
    before += source.length;
    after += min.length;
    if (min !== source) writeFileSync(file, min);
  }
  console.log(`dist: css templates minified (${before} → ${after} characters in the files that hold them)`);
}
