// Packs every package the way `npm publish` would, installs the tarballs into a fresh project
// and imports them by name, in Node and in Chromium: proves `files`, `exports` and `types` work
// for a user, not only inside the workspace. Needs `npm run build` first (npm test does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir: string;
let tarballs: Record<string, string>;
let packed: Record<string, string[]>;

function run(cmd: string, args: string[], cwd: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_loglevel: 'error' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clientela-pack-'));
  const out = run(npm, ['pack', '--json', '--pack-destination', dir, '-w', '@clientela/core', '-w', '@clientela/elements', '-w', '@clientela/mock-server'], root);
  const reports: Array<{ name: string; filename: string; files: Array<{ path: string }> }> = JSON.parse(out);
  tarballs = Object.fromEntries(reports.map((r) => [r.name, join(dir, r.filename)]));
  packed = Object.fromEntries(reports.map((r) => [r.name, r.files.map((f) => f.path)]));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'pack-check', private: true, type: 'module', dependencies: tarballs }, null, 2),
  );
  // Offline first: CI's `npm ci` has just filled the cache with every dependency.
  run(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'], dir);
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('published packages', () => {
  it('ship only what they need', () => {
    for (const [name, files] of Object.entries(packed)) {
      expect(files, name).toContain('package.json');
      expect(files.some((f) => f.endsWith('.test.js') || f.endsWith('.test.ts')), `${name} ships tests`).toBe(false);
      expect(files.some((f) => f.startsWith('src/')), `${name} ships sources`).toBe(false);
      expect(files.some((f) => f.endsWith('.d.ts')), `${name} ships types`).toBe(true);
    }
    expect(packed['@clientela/elements']).toContain('dist/cdn/clientela.js');
    expect(packed['@clientela/elements']).toContain('custom-elements.json');
    expect(packed['@clientela/mock-server']).toContain('dist/cli.js');
  });

  it('import by name in Node', () => {
    const script = `
      const core = { ...(await import('@clientela/core')), ...(await import('@clientela/core/client')) };
      const server = await import('@clientela/mock-server');
      const app = server.createApp({ seed: 20 });
      const res = await app.fetch(new Request('http://x/v1/customers?limit=5', { headers: { authorization: 'Bearer ' + app.keys.secret } }));
      const page = await res.json();
      const client = core.createClient({ baseUrl: 'http://x', apiKey: app.keys.secret, fetch: (r) => app.fetch(r) });
      const viaClient = await client.customers.list({ limit: 3 });
      const browserEntry = await import('@clientela/mock-server/browser');
      const inPage = browserEntry.createApp({ seed: 7 });
      const total = (await core.createClient({ baseUrl: 'http://x', apiKey: inPage.keys.secret, fetch: (r) => inPage.fetch(r) }).customers.list({ limit: 1, status: ['active', 'inactive', 'blocked', 'deleted'] })).total;
      console.log(JSON.stringify({ cpf: core.isValidCpf('529.982.247-25'), status: res.status, items: page.items.length, client: viaClient.items.length, browserEntry: total }));
      app.close();
      inPage.close();
    `;
    const out = run(process.execPath, ['--input-type=module', '-e', script], dir);
    expect(JSON.parse(out.trim().split('\n').pop()!)).toEqual({ cpf: true, status: 200, items: 5, client: 3, browserEntry: 7 });
  });

  it('type-check against the published types', () => {
    const tsc = join(root, 'node_modules/.bin/tsc');
    writeFileSync(
      join(dir, 'check.ts'),
      `import { isValidCnpj, type Customer } from '@clientela/core';
       import { createClient } from '@clientela/core/client';
       import { CustomerTable } from '@clientela/elements/customer-table';
       import { createApp } from '@clientela/mock-server';
       const ok: boolean = isValidCnpj('12.ABC.345/01DE-35');
       const c = createClient({ baseUrl: 'http://x', apiKey: 'pk_x' });
       const table: CustomerTable = document.createElement('cl-customer-table');
       const f = (x: Customer) => x.id;
       export { ok, c, table, f, createApp };`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], noEmit: true, skipLibCheck: true, types: [] }, files: ['check.ts'] }),
    );
    expect(() => run(tsc, ['-p', 'tsconfig.json'], dir)).not.toThrow();
  });

  it("types each element's events for a page that imports only that element", () => {
    // A listener on `cl-customer-open` gets its typed event only when the element's own module
    // brings the events' declarations with it; a page importing one element must not depend on
    // having imported another. The events come from the manifest, so a new element is checked too.
    const tsc = join(root, 'node_modules/.bin/tsc');
    const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/@clientela/elements/custom-elements.json'), 'utf8'));
    const checked: string[] = [];
    for (const mod of manifest.modules) {
      for (const decl of mod.declarations ?? []) {
        const events: string[] = (decl.events ?? []).map((e: { name: string }) => e.name).filter((n: string) => n.startsWith('cl-'));
        if (!decl.tagName || events.length === 0) continue;
        const folder = mod.path.split('/')[1];
        const file = `events-${folder}.ts`;
        writeFileSync(
          join(dir, file),
          `import '@clientela/elements/${folder}';
           const el = document.createElement('${decl.tagName}');
           ${events.map((n) => `el.addEventListener('${n}', (e) => { const typed: GlobalEventHandlersEventMap['${n}'] = e; void typed; });`).join('\n')}
           export {};`,
        );
        writeFileSync(
          join(dir, `tsconfig.${folder}.json`),
          JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2023', 'dom'], noEmit: true, skipLibCheck: true, types: [] }, files: [file] }),
        );
        let errors = '';
        try {
          run(tsc, ['-p', `tsconfig.${folder}.json`], dir);
        } catch (error) {
          errors = String((error as { stdout?: string }).stdout ?? error);
        }
        expect(errors, decl.tagName).toBe('');
        checked.push(decl.tagName);
      }
    }
    expect(checked).toContain('cl-customer-table');
  });

  describe('in Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('a bundler importing one element registers only that element', async () => {
      const entry = join(dir, 'one.js');
      writeFileSync(entry, `import '@clientela/elements/category-picker';`);
      const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', absWorkingDir: dir, logLevel: 'silent' });
      const code = result.outputFiles[0]!.text;
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ type: 'module', content: code });
      const tags = await page.evaluate(() =>
        ['cl-category-picker', 'cl-customer-table', 'cl-customer-form'].map((t) => [t, !!customElements.get(t)]),
      );
      expect(Object.fromEntries(tags)).toEqual({ 'cl-category-picker': true, 'cl-customer-table': false, 'cl-customer-form': false });
      await page.close();
    });

    it('the single-file CDN module registers every element', async () => {
      const cdn = join(dir, 'node_modules/@clientela/elements/dist/cdn/clientela.js');
      expect(existsSync(cdn)).toBe(true);
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ type: 'module', path: cdn });
      await page.waitForFunction(() => !!customElements.get('cl-customer-table'));
      const tags = await page.evaluate(() =>
        ['cl-customer-table', 'cl-customer-form', 'cl-category-picker', 'cl-category-manager', 'cl-registration-settings', 'cl-account-access', 'cl-customer-card', 'cl-customer-import', 'cl-audit-log', 'cl-filter-builder', 'cl-unit-manager', 'cl-message-composer', 'cl-message-log', 'cl-automation-manager', 'cl-duplicates'].filter(
          (t) => !customElements.get(t),
        ),
      );
      expect(tags).toEqual([]);
      await page.close();
    });
  });
});

