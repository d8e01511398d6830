// Size of each element imported alone, min + gzip (level 9, as size-limit measures).
// "initial" is what a page downloads before the element can paint: the entry and everything it
// imports statically. Code behind a dynamic import (the client an element makes for itself from
// api-base/api-key, other locales, the category picker inside the form) loads later and is shown
// apart as "lazy". "with client" adds the core client an element loads when a page gives it only
// api-base + api-key (a page that passes one client to all its elements loads it once, not per
// element). size-limit bundles without code splitting, so it would count everything: this script
// measures with esbuild's splitting instead. Budgets apply to "initial"; exits non-zero when one is
// exceeded.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../packages/elements/dist/', import.meta.url));
const clientEntry = fileURLToPath(new URL('../packages/core/dist/client/index.js', import.meta.url));
/** Budgets from the issues (kB of 1,000 bytes); elements without one are reported only. */
const budgets = { 'customer-table': 45, 'customer-form': 40, 'category-picker': 20 };
const elements = [
  'customer-table', 'customer-form', 'category-picker', 'category-manager', 'registration-settings',
  'account-access', 'customer-card', 'customer-import', 'audit-log',
];

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
let failed = false;
const rows = [];

for (const name of elements) {
  const outdir = mkdtempSync(join(tmpdir(), `size-${name}-`));
  try {
    const result = await build({
      entryPoints: [join(dist, name, `${name}.js`), clientEntry],
      bundle: true, splitting: true, format: 'esm', minify: true, outdir, metafile: true, write: true,
      conditions: ['production', 'browser'], platform: 'browser', logLevel: 'silent',
    });
    const outputs = result.metafile.outputs;
    const closure = (entryPoint) => {
      const files = new Set();
      const visit = (file) => {
        if (files.has(file)) return;
        files.add(file);
        for (const imp of outputs[file].imports ?? []) if (imp.kind === 'import-statement' && outputs[imp.path]) visit(imp.path);
      };
      visit(Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith(entryPoint)));
      return files;
    };
    const initial = closure(`${name}/${name}.js`);
    const withClient = new Set([...initial, ...closure('client/index.js')]);
    const all = Object.keys(outputs).filter((k) => k.endsWith('.js'));
    const size = (files) => [...files].reduce((sum, f) => sum + gz(resolve(f)), 0);
    const initialBytes = size(initial);
    const clientBytes = size(withClient);
    const lazyBytes = size(all.filter((f) => !withClient.has(f)));
    const budget = budgets[name];
    const over = budget !== undefined && initialBytes > budget * 1000;
    failed ||= over;
    rows.push([name, kb(initialBytes), kb(clientBytes), kb(lazyBytes), budget ? `${budget} kB` : '—', over ? 'OVER' : budget ? 'ok' : '']);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

const header = ['element (alone)', 'initial', 'with client', 'other lazy', 'budget', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
console.log(`min + gzip; measured from ${relative(process.cwd(), dist)} with esbuild code splitting.`);
if (failed) process.exitCode = 1;
