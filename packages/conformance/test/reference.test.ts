import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runConformance } from '@clientela/conformance';
import { startServer, type StartedServer } from '@clientela/mock-server';
import { createTestDatabase, type TestDatabase } from '../../../test/postgres.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'clientela-conformance-'));
const started: StartedServer[] = [];

const databases: TestDatabase[] = [];

afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
  await Promise.all(databases.map((d) => d.drop()));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs the whole suite against a reference server; the failures, if any, make the message. */
async function conform(server: StartedServer): Promise<void> {
  const lines: string[] = [];
  const report = await runConformance({ baseUrl: server.url, secretKey: server.server.keys.secret, publishableKey: server.server.keys.publishable, print: (l) => lines.push(l) });
  expect(report.failed, lines.filter((l) => /FAIL|^\s{9}/.test(l)).join('\n')).toBe(0);
  expect(report.passed).toBeGreaterThan(90);
  // One line per check, naming its clause, and the summary.
  expect(lines.filter((l) => /^ {2}(ok {2}|FAIL) /.test(l))).toHaveLength(report.results.length);
  expect(lines).toContain(`${report.results.length} checks: ${report.passed} passed, 0 failed (${(report.ms / 1000).toFixed(1)} s)`);
}

describe('the reference server passes the conformance suite', () => {
  it('in memory (seeded, so the suite meets records it did not create)', async () => {
    const server = await startServer({ port: 0, seed: 500 });
    started.push(server);
    await conform(server);
    // The run cleaned up after itself: nothing it created is left live.
    const live = await server.server.fetch(new Request('http://x/v1/customers?q=conformidade&limit=1', { headers: { Authorization: `Bearer ${server.server.keys.secret}` } }));
    expect((await live.json()).total).toBe(0);
  }, 120_000);

  it('on SQLite', async () => {
    const server = await startServer({ port: 0, seed: 200, db: join(dir, 'conformance.sqlite') });
    started.push(server);
    await conform(server);
  }, 120_000);

  it('on PostgreSQL', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    // Every process of a PostgreSQL deployment is given the secrets key (webhook endpoints' signing secrets are sealed with it).
    const server = await startServer({ port: 0, seed: 200, databaseUrl: db.url, secretsKey: 'Y29uZm9ybWFuY2UtcmVmZXJlbmNlLXNlY3JldHMta2U=' });
    started.push(server);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ store: 'postgres', customers: 200 });
    await conform(server);
  }, 180_000);
});

function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('clientela-conformance (the built CLI)', () => {
  it('exits 2 and explains the usage when a key is missing', async () => {
    const r = await runCli(['--base-url', 'http://127.0.0.1:9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--secret-key is required');
  });

  it('exits 0 against the reference server, printing one line per check', async () => {
    const server = await startServer({ port: 0 });
    started.push(server);
    const r = await runCli(['--base-url', server.url, '--secret-key', server.server.keys.secret, '--publishable-key', server.server.keys.publishable, '--only', 'keys,problems']);
    expect(r.stdout).toMatch(/^ {2}ok {3}a publishable key on a secret route → 403/m);
    expect(r.stdout).toMatch(/\d+ checks: \d+ passed, 0 failed/);
    expect(r.code).toBe(0);
  });

  it('exits 1 and names the failed clauses against a backend that breaks the contract', async () => {
    // A backend that answers every request 200 {}: no keys, no problems, nothing stored.
    const liar: Server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}'));
    await new Promise<void>((ok) => liar.listen(0, '127.0.0.1', ok));
    const { port } = liar.address() as { port: number };
    try {
      const r = await runCli(['--base-url', `http://127.0.0.1:${port}`, '--secret-key', 'sk_x', '--publishable-key', 'pk_x', '--only', 'keys']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^ {2}FAIL no key → 401 problem with WWW-Authenticate: Bearer$/m);
      expect(r.stdout).toMatch(/^Failed:$/m);
      expect(r.stdout).toMatch(/keys · a publishable key on a secret route → 403/);
    } finally {
      liar.close();
    }
  });
});
