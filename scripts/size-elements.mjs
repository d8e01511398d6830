// What each element costs a page, min + gzip (level 9, as size-limit measures), and the whole of
// @clientela/core.
//
// "On open" is what a page pays for an element: the element's module, everything it imports, and
// every chunk it fetches once it is on the page (its own API client, made from api-base + api-key
// as soon as it loads its data; the table's actions after the first page; the category picker the
// admin form shows). Which chunks an element fetches is not guessed from the code: each element is
// bundled alone by esbuild with code splitting, opened in Chromium against the mock server, and the
// script files the page requested are counted. "Initial" (the static imports only) is shown for
// reference. A page that hands one client to several elements pays for the client once.
//
// Targets apply to "on open" and to the whole core; the script exits non-zero when one is exceeded.
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../test/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'packages/elements/dist');
const cli = join(root, 'packages/mock-server/dist/cli.js');

/** kB of 1,000 bytes; elements without one are reported only. */
const TARGETS = { 'customer-form': 40, 'customer-form (storefront)': 40, 'category-picker': 28, 'customer-table': 45, 'core: everything': 26 };

/** Each measured page: the element's tag, its attributes, and the key it is given. */
const PAGES = [
  { name: 'customer-form', module: 'customer-form', attrs: '' },
  { name: 'customer-form (storefront)', module: 'customer-form', attrs: 'mode="storefront"', key: 'pk_test_clientela' },
  { name: 'category-picker', module: 'category-picker', attrs: '' },
  { name: 'customer-table', module: 'customer-table', attrs: '' },
  { name: 'customer-card', module: 'customer-card', attrs: 'customer-id="@first"' },
  { name: 'category-manager', module: 'category-manager', attrs: '' },
  { name: 'registration-settings', module: 'registration-settings', attrs: '' },
  { name: 'account-access', module: 'account-access', attrs: '', key: 'pk_test_clientela' },
  { name: 'customer-import', module: 'customer-import', attrs: '' },
  { name: 'audit-log', module: 'audit-log', attrs: '' },
  { name: 'filter-builder', module: 'filter-builder', attrs: '' },
];

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

/** Bundles `entry` alone with code splitting; returns the output folder and the entry's static closure. */
async function bundle(entry, outdir, resolveDir) {
  const result = await build({
    entryPoints: { entry },
    ...(resolveDir && { nodePaths: [join(resolveDir, 'node_modules')] }),
    bundle: true, splitting: true, format: 'esm', minify: true, outdir, metafile: true, write: true,
    conditions: ['production', 'browser'], platform: 'browser', logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imp of outputs[file].imports ?? []) if (imp.kind === 'import-statement' && outputs[imp.path]) visit(imp.path);
  };
  visit(Object.keys(outputs).find((k) => outputs[k].entryPoint));
  return [...initial].map((f) => f.split('/').pop());
}

/** Serves `dir` on 127.0.0.1 (a free port). */
function serve(dir) {
  const types = { '.js': 'text/javascript', '.html': 'text/html' };
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Starts the built mock server CLI on a free port; resolves with its URL and the child. */
function startMockServer() {
  const child = spawn(process.execPath, [cli, '--port', '0', '--seed', '200', '--cors', '*'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the mock server exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m) resolve({ child, url: m[1].replace(/\/+$/, '') });
    });
  });
}

/** The script files a page requests from `origin` until it has been quiet for a second. */
async function scriptsFetched(browser, url, origin) {
  const page = await browser.newPage();
  const files = new Set();
  let last = Date.now();
  page.on('request', (request) => {
    const u = new URL(request.url());
    if (u.origin === origin && u.pathname.endsWith('.js')) {
      files.add(u.pathname.split('/').pop());
      last = Date.now();
    }
  });
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  while (Date.now() - last < 1000) await page.waitForTimeout(250);
  await page.close();
  return [...files];
}

const work = mkdtempSync(join(tmpdir(), 'clientela-size-'));
const { child: mock, url: apiBase } = await startMockServer();
const site = await serve(work);
const origin = `http://127.0.0.1:${site.address().port}`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const rows = [];
let failed = false;
try {
  const firstId = (await (await fetch(`${apiBase}/v1/customers?limit=1`, { headers: { Authorization: 'Bearer sk_test_clientela' } })).json()).items[0].id;
  for (const p of PAGES) {
    const dir = join(work, p.name.replace(/\W+/g, '-'));
    const initial = await bundle(join(dist, p.module, `${p.module}.js`), dir);
    const attrs = p.attrs.replace('@first', firstId);
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="pt-BR"><body><cl-${p.module} ${attrs} api-base="${apiBase}" api-key="${p.key ?? 'sk_test_clientela'}" style="display:block;height:600px"></cl-${p.module}><script type="module" src="./entry.js"></script></body></html>`,
    );
    const fetched = await scriptsFetched(browser, `${origin}/${dir.split('/').pop()}/index.html`, origin);
    const size = (files) => files.reduce((sum, f) => sum + gz(readFileSync(join(dir, f))), 0);
    const onOpen = size(fetched);
    const target = TARGETS[p.name];
    const over = target !== undefined && onOpen > target * 1000;
    failed ||= over;
    rows.push([p.name, kb(onOpen), kb(size(initial)), `${fetched.length}`, target ? `${target} kB` : '—', over ? 'OVER' : target ? 'ok' : '']);
  }

  // The whole of core, every export kept (an app that imports only what it uses pays less), as a
  // page pays for it: bundled with code splitting, the entry and its static imports. The en/es
  // texts that `loadLocale` fetches only for a page in those languages are shown apart.
  const coreDir = join(work, 'core');
  writeFileSync(join(work, 'core-entry.js'), "export * from '@clientela/core';");
  const coreFiles = await bundle(join(work, 'core-entry.js'), coreDir, root);
  const coreBytes = coreFiles.reduce((sum, f) => sum + gz(readFileSync(join(coreDir, f))), 0);
  const coreLazy = readdirSync(coreDir).filter((f) => !coreFiles.includes(f)).reduce((sum, f) => sum + gz(readFileSync(join(coreDir, f))), 0);
  const coreOver = coreBytes > TARGETS['core: everything'] * 1000;
  failed ||= coreOver;
  rows.push(['core: everything', kb(coreBytes), kb(coreBytes), `${coreFiles.length}`, `${TARGETS['core: everything']} kB`, coreOver ? 'OVER' : 'ok']);
  rows.push(['core: en + es, loaded on demand', kb(coreLazy), '—', '', '—', '']);
} finally {
  await browser.close();
  site.close();
  mock.kill();
  rmSync(work, { recursive: true, force: true });
}

const header = ['element, as a page pays for it', 'on open', 'initial', 'files', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}\n`);
console.log('min + gzip (level 9); each element bundled alone by esbuild with code splitting and opened in Chromium against the mock server (pt-BR).');
if (failed) process.exitCode = 1;
