import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cli = join(root, 'packages/mock-server/dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'clientela-cli-'));
const children: ChildProcess[] = [];

/** Starts the built CLI and resolves with its printed lines once the URL line is out. */
function start(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; url: string; lines: string[] }> {
  const child = spawn(process.execPath, [cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  children.push(child);
  return new Promise((resolve, reject) => {
    const lines: string[] = [];
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += String(d)));
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (lines.length === 5) {
        const m = /^Clientela mock server listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(lines[0]!);
        if (!m) reject(new Error(`unexpected first line: ${lines[0]}`));
        else resolve({ child, url: m[1]!, lines });
      }
    });
  });
}

function stop(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

beforeAll(() => {
  // The smoke test runs the compiled CLI, as `npx clientela-mock-server` would.
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-b', join(root, 'packages/mock-server')], { stdio: 'inherit' });
});

afterAll(async () => {
  await Promise.all(children.map((c) => stop(c)));
  rmSync(dir, { recursive: true, force: true });
});

describe('clientela-mock-server CLI', () => {
  it('listens on a free port, prints URL, keys and OpenAPI URL, and speaks HTTP', async () => {
    const { child, url, lines } = await start(['--seed', '120', '--seed-value', '3']);
    const port = Number(new URL(url).port);
    expect(port).toBeGreaterThan(0);
    expect(lines[1]).toMatch(/sk_test_clientela/);
    expect(lines[2]).toMatch(/pk_test_clientela/);
    expect(lines[3]).toContain(`${url}/openapi.json`);
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok', store: 'memory', customers: 120 });
    const list = await fetch(`${url}/v1/customers?limit=3`, { headers: { Authorization: 'Bearer sk_test_clientela' } });
    expect(list.status).toBe(200);
    expect((await list.json()).items).toHaveLength(3);
    const denied = await fetch(`${url}/v1/customers`);
    expect(denied.status).toBe(401);
    expect(denied.headers.get('content-type')).toMatch(/problem\+json/);
    const doc = await (await fetch(`${url}/openapi.json`)).json();
    expect(doc.servers[0].url).toBe(url);
    await stop(child);
  });

  it('with --db, an acknowledged write survives a hard kill (SIGKILL) and a restart', async () => {
    const db = join(dir, 'cli.sqlite');
    const first = await start(['--db', db, '--seed', '30', '--secret-key', 'sk_test_custom']);
    expect(first.lines[1]).toMatch(/sk_test_custom/);
    const created = await fetch(`${first.url}/v1/categories`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk_test_custom', 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'Sobrevivente' }),
    });
    expect(created.status).toBe(201);
    const { id } = await created.json();
    await stop(first.child, 'SIGKILL');
    const second = await start(['--db', db, '--seed', '30', '--secret-key', 'sk_test_custom']);
    const back = await fetch(`${second.url}/v1/categories/${id}`, { headers: { Authorization: 'Bearer sk_test_custom' } });
    expect((await back.json()).name).toBe('Sobrevivente');
    expect((await (await fetch(`${second.url}/healthz`)).json()).customers).toBe(30);
    await stop(second.child);
  });

  it('refuses a SQLite file written by a newer server: exit code 1, one sentence, the file untouched', async () => {
    const db = join(dir, 'newer.sqlite');
    const first = await start(['--db', db]);
    await stop(first.child);
    const { default: Database } = await import('better-sqlite3');
    const raw = new Database(db);
    raw.prepare("INSERT INTO schema_version (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01T00:00:00.000Z')").run();
    raw.close();
    const run = spawnSync(process.execPath, [cli, '--port', '0', '--db', db], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^clientela-mock-server: .*newer\.sqlite has schema version 999, but this server knows versions up to \d+: .*Upgrade the server/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const check = new Database(db, { readonly: true });
    expect(check.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(999);
    check.close();
  });

  it('rejects bad flags with exit code 2', () => {
    expect(() => execFileSync(process.execPath, [cli, '--latency', 'soon'], { stdio: 'pipe' })).toThrow(/--latency/);
    expect(() => execFileSync(process.execPath, [cli, '--smtp', 'smtp://127.0.0.1:2525'], { stdio: 'pipe' })).toThrow(/--smtp-from/);
    expect(() => execFileSync(process.execPath, [cli, '--message-rate', 'fax=3'], { stdio: 'pipe' })).toThrow(/--message-rate/);
    expect(() => execFileSync(process.execPath, [cli, '--bad-key-limit', '20'], { stdio: 'pipe' })).toThrow(/--bad-key-limit takes max\/windowMs/);
    expect(() => execFileSync(process.execPath, [cli], { stdio: 'pipe', env: { ...process.env, CLIENTELA_BAD_KEY_LIMIT: '0/1000' } })).toThrow(/CLIENTELA_BAD_KEY_LIMIT takes max\/windowMs/);
    // Six processes that start and exit: on a busy machine that takes longer than one test's default.
  }, 90_000);

  it('--bad-key-limit (or CLIENTELA_BAD_KEY_LIMIT) sets the limit of refused keys per address; the trip is in the data log once', async () => {
    const refusals = async (url: string, n: number) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++) statuses.push((await fetch(`${url}/v1/customers?limit=1`, { headers: { Authorization: `Bearer sk_live_guess${i}` } })).status);
      return statuses;
    };
    const flag = await start(['--bad-key-limit', '2/600000'], { CLIENTELA_BAD_KEY_LIMIT: '9/600000' });
    expect(await refusals(flag.url, 4)).toEqual([401, 401, 429, 429]);
    const log = await (await fetch(`${flag.url}/v1/audit?action=api_key.bad_keys`, { headers: { Authorization: 'Bearer sk_test_clientela' } })).json();
    expect(log.items).toEqual([expect.objectContaining({ actor: { keyId: 'sk_live_…' }, address: '127.0.0.1', count: 3 })]);
    await stop(flag.child);
    const env = await start([], { CLIENTELA_BAD_KEY_LIMIT: '1/600000' });
    expect(await refusals(env.url, 2)).toEqual([401, 429]);
    await stop(env.child);
  });

  it('with --smtp, a message sent through the API reaches the SMTP server', async () => {
    const { SMTPServer } = await import('smtp-server');
    let received!: (raw: string) => void;
    const arrived = new Promise<string>((resolve) => (received = resolve));
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => (callback(), received(Buffer.concat(chunks).toString('utf8'))));
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    try {
      const { child, url } = await start(['--smtp', `smtp://127.0.0.1:${port}`, '--smtp-from', 'Loja <contato@loja.example.com.br>']);
      const headers = { Authorization: 'Bearer sk_test_clientela', 'Content-Type': 'application/json' };
      const customer = await (
        await fetch(`${url}/v1/customers`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ kind: 'person', document: '529.982.247-25', firstName: 'Ana', lastName: 'Souza', email: 'ana@example.com.br', marketingConsent: { email: true, sms: false, whatsapp: false } }),
        })
      ).json();
      const sent = await fetch(`${url}/v1/messages`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ ids: [customer.id], channel: 'email', subject: 'Oi', text: 'Oi {{primeiroNome}}', acknowledgedResponsibility: true }),
      });
      expect(sent.status).toBe(201);
      const raw = await arrived;
      expect(raw).toMatch(/^To: ana@example\.com\.br$/m);
      expect(raw).toContain('Oi Ana');
      await stop(child);
    } finally {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    }
  });
});
