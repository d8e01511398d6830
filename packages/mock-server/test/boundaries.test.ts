import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The server imports @clientela/core by subpath (`/schemas`, `/format`, …), never by its root,
// which also loads the API client and ky. These tests run the built CLI under a module-resolution
// hook that writes down every module Node loads, and look for ky among them.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/mock-server/dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'clientela-boundaries-'));
const children: ChildProcess[] = [];

writeFileSync(
  join(dir, 'hooks.mjs'),
  `import { appendFileSync } from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(log, resolved.url + '\\n');
  return resolved;
}
`,
);
/** `--import` this file, with the log path in CLIENTELA_MODULE_LOG, to record every module loaded. */
const register = join(dir, 'register.mjs');
writeFileSync(
  register,
  `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)}, import.meta.url, { data: { log: process.env.CLIENTELA_MODULE_LOG } });
`,
);

const loaded = (log: string) => readFileSync(log, 'utf8').split('\n').filter(Boolean);
const isKy = (url: string) => /\/node_modules\/ky\//.test(url);

/** Every module a plain Node process loads to import `entry` (by package name). */
function modulesOf(entry: string): string[] {
  const log = join(dir, `${entry.replace(/\W+/g, '-')}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', `await import('${entry}');`], {
    cwd: root,
    env: { ...process.env, CLIENTELA_MODULE_LOG: log },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return loaded(log);
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('loads no ky (nor the API client) while it starts and answers reads and writes', async () => {
    const log = join(dir, 'server.log');
    writeFileSync(log, '');
    const child = spawn(process.execPath, ['--import', register, cli, '--port', '0', '--seed', '50'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CLIENTELA_MODULE_LOG: log },
    });
    children.push(child);
    const url = await new Promise<string>((resolve, reject) => {
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += String(d)));
      child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${stderr}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line);
        if (m) resolve(m[1]!);
      });
    });
    const auth = { Authorization: 'Bearer sk_test_clientela', 'Content-Type': 'application/json' };
    expect((await fetch(`${url}/v1/customers?limit=5&q=a`, { headers: auth })).status).toBe(200);
    const created = await fetch(`${url}/v1/customers`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ kind: 'person', document: '529.982.247-25', firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com' }),
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${url}/v1/exports`, { method: 'POST', headers: auth, body: JSON.stringify({ format: 'csv' }) })).status).toBe(200);
    child.removeAllListeners('exit');
    child.kill();

    const urls = loaded(log);
    // The hook saw the server's own modules and core's subpaths, so an empty log cannot pass.
    expect(urls.some((u) => u.endsWith('/mock-server/dist/cli.js'))).toBe(true);
    expect(urls.some((u) => /\/core\/dist\/schemas\/index\.js$/.test(u))).toBe(true);
    expect(urls.filter(isKy)).toEqual([]);
    expect(urls.filter((u) => /\/core\/dist\/(index|client\/[^/]+)\.js$/.test(u))).toEqual([]);
  });

  it('would be caught: importing core\'s client does load ky', () => {
    expect(modulesOf('@clientela/core/client').some(isKy)).toBe(true);
  });

  it('core\'s root loads neither ky nor zod (the client and the schemas are subpaths of their own)', () => {
    const urls = modulesOf('@clientela/core');
    expect(urls.some((u) => /\/core\/dist\/index\.js$/.test(u))).toBe(true);
    expect(urls.filter(isKy)).toEqual([]);
    expect(urls.filter((u) => /\/node_modules\/zod\//.test(u))).toEqual([]);
  });
  it('the browser entry leaves out the CEP ranges per municipality (190 kB read from data/ by the Node entry only)', () => {
    const isCities = (u: string) => /\/mock-server\/dist\/platform\/node-cep-cities\.js$/.test(u) || /cep-cities\.json$/.test(u);
    const browser = modulesOf('@clientela/mock-server/browser');
    expect(browser.some((u) => u.endsWith('/mock-server/dist/browser.js'))).toBe(true);
    expect(browser.filter(isCities)).toEqual([]);
    // The control: the Node entry does load it, so the pattern above would see it.
    expect(modulesOf('@clientela/mock-server').some(isCities)).toBe(true);
  });
});
