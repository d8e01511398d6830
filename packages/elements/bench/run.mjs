// `npm run bench -w @clientela/elements`: <cl-customer-table> against <vaadin-grid> in Chromium
// (playwright-core, /usr/bin/chromium), same page, same generated rows, for 10k / 100k / 1M rows.
// Prints time to first rows painted, time to render after a jump to the middle and to the end
// (rows placed, and their data painted), element count (shadow roots included) and JS heap.
//
// The jumps to the middle and to the end are measured on a settled page: each waits SETTLE ms
// first, the same for both. Measured at once after the first rows, a jump also timed whatever
// each grid still did after its first paint (<cl-customer-table> loads its bulk bar and menus
// then, which vaadin-grid had loaded before its clock started), and vaadin's own jump to the
// middle took three times longer than settled. That case is kept as its own figure: a jump to a
// quarter made right after the first rows, before the two settled ones.
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { existsSync } from 'node:fs';

// The flags of test/chromium.ts (a .ts file, which Node 20 cannot import from a script).
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const chromiumPath = () => {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`The benchmark needs Chromium: apt-get install chromium, or set CHROMIUM_PATH (looked for ${path}).`);
  return path;
};

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SETTLE = Number(process.env.BENCH_SETTLE ?? 1000);
// BENCH_AB=1 adds a third arm, `cl-eager`: the table with its parts imported 200 ms after the
// first page, as before the preload waited for a quiet table (see page.ts).
const AB = process.env.BENCH_AB === '1';
const IMPLS = AB ? ['cl', 'cl-eager', 'vaadin'] : ['cl', 'vaadin'];

const server = await createServer({
  root: here('.'),
  logLevel: 'warn',
  resolve: { alias: [{ find: /^@clientela\/core$/, replacement: here('../../core/src/index.ts') }] },
  // No HMR and no watching: an edit elsewhere in the repository must not reload a page mid-measure.
  server: { host: '127.0.0.1', port: 0, hmr: false, watch: null, fs: { allow: [here('../../..')] } },
  optimizeDeps: { include: ['@vaadin/grid/all-imports.js', 'lit'] },
});
await server.listen();
const url = `http://127.0.0.1:${server.httpServer.address().port}/index.html`;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });

async function measure(impl, n) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${url}?impl=${impl}&n=${n}`);
  await page.waitForFunction(() => window.bench);
  // Let the freshly loaded page settle (module evaluation, fonts) before the clock starts.
  await page.waitForTimeout(500);
  const first = await page.evaluate(async () => (await window.bench).firstRows());
  const jump = (i) => page.evaluate(async (i) => (await window.bench).jump(i), i);
  const early = await jump(Math.floor(n / 4));
  await page.waitForTimeout(SETTLE);
  const middle = await jump(Math.floor(n / 2));
  await page.waitForTimeout(SETTLE);
  const end = await jump(n - 1);
  const nodes = await page.evaluate(async () => (await window.bench).nodes());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await page.close();
  return { first, early, middle, end, nodes, heap: usedSize / 1048576 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(0)} ms`;

// Warm vite's transform cache so the first measured load is not a cold compile.
for (const impl of ['cl', 'vaadin']) await measure(impl, 1000);

const rows = [];
for (const n of SIZES) {
  const result = {};
  // The arms take turns within each run, so a change in the machine's load falls on all of them.
  const runs = Object.fromEntries(IMPLS.map((impl) => [impl, []]));
  for (let r = 0; r < RUNS; r++) for (const impl of IMPLS) runs[impl].push(await measure(impl, n));
  for (const impl of IMPLS) {
    const m = (f) => median(runs[impl].map(f));
    result[impl] = {
      first: m((x) => x.first),
      early: m((x) => x.early[1]),
      midPlaced: m((x) => x.middle[0]),
      midData: m((x) => x.middle[1]),
      endPlaced: m((x) => x.end[0]),
      endData: m((x) => x.end[1]),
      nodes: m((x) => x.nodes),
      heap: m((x) => x.heap),
    };
  }
  rows.push([n, result]);
}

const figures = [
  ['first rows painted', 'first', fmt],
  ['jump at once after first rows', 'early', fmt],
  ['jump to middle: rows placed', 'midPlaced', fmt],
  ['jump to middle: data painted', 'midData', fmt],
  ['jump to end: rows placed', 'endPlaced', fmt],
  ['jump to end: data painted', 'endData', fmt],
  ['DOM elements', 'nodes', (v) => String(v)],
  ['JS heap after GC', 'heap', (v) => `${v.toFixed(1)} MB`],
];
console.log(`\ncl-customer-table vs vaadin-grid (median of ${RUNS}; ratio = cl / vaadin, below 1 is better; jumps to middle and end after ${SETTLE} ms settled)\n`);
for (const [n, r] of rows) {
  console.log(`${n.toLocaleString('en')} rows`);
  for (const [label, key, f] of figures) {
    const ratio = r.vaadin[key] ? r.cl[key] / r.vaadin[key] : NaN;
    const eager = AB ? `   cl-eager ${f(r['cl-eager'][key]).padStart(9)} (ratio ${(r['cl-eager'][key] / r.vaadin[key]).toFixed(2)})` : '';
    console.log(`  ${label.padEnd(30)} cl ${f(r.cl[key]).padStart(9)}   vaadin ${f(r.vaadin[key]).padStart(9)}   ratio ${ratio.toFixed(2)}${eager}`);
  }
}

await browser.close();
await server.close();
