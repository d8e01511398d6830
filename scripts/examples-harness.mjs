// Starts the mock server CLI (as a real process) and the example pages (vite, proxying /v1 and
// /openapi.json to the server so the pages need no CORS). Used by `npm start` and by the
// end-to-end tests, so both run exactly the same thing.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../packages/mock-server/dist/cli.js', import.meta.url));

export const SECRET_KEY = 'sk_test_clientela';
export const PUBLISHABLE_KEY = 'pk_test_clientela';

/**
 * Starts the mock server CLI and resolves with its URL once it prints
 * "Clientela mock server listening on <url>".
 */
export function startMockServer({ port = 0, seed = 5000, db, extraArgs = [], log = false } = {}) {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx tsc -b\` (npm start and npm test do) first.`);
  const args = [cli, '--port', String(port), '--seed', String(seed), '--secret-key', SECRET_KEY, '--publishable-key', PUBLISHABLE_KEY, ...extraArgs];
  if (db) args.push('--db', db);
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (chunk) => {
      out += chunk;
      if (log) process.stdout.write(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) {
        child.stdout.off('data', onData);
        if (log) child.stdout.on('data', (c) => process.stdout.write(c));
        resolve({ url: match[1].replace(/\/$/, ''), output: out, child, close: () => stop(child) });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      if (log) process.stderr.write(chunk);
    });
    child.once('exit', (code) => reject(new Error(`mock server exited (${code}) before listening:\n${out}`)));
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** Starts vite on the example pages, proxying the API to `apiUrl`. */
export async function startExamples({ apiUrl, port = 0 }) {
  const { createServer } = await import('vite');
  process.env.VITE_CLIENTELA_PUBLISHABLE_KEY = PUBLISHABLE_KEY;
  const server = await createServer({
    configFile: fileURLToPath(new URL('../examples/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    server: {
      port,
      proxy: { '/v1': apiUrl, '/openapi.json': apiUrl, '/healthz': apiUrl },
    },
  });
  await server.listen();
  const address = server.httpServer.address();
  const url = `http://127.0.0.1:${address.port}`;
  // Access links the server e-mails ("Esqueci minha senha", first access) open the storefront's account page.
  // A server started with --fail-rate answers some requests 503: the PUT is idempotent, so it is retried.
  let linked;
  for (let attempt = 0; attempt < 20 && !linked?.ok; attempt++) {
    linked = await fetch(`${apiUrl}/v1/settings/account-links`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ accountUrl: `${url}/storefront/` }),
    });
    if (linked.status !== 503) break;
  }
  if (!linked.ok) throw new Error(`could not set the account page of access links: ${linked.status} ${await linked.text()}`);
  return {
    url,
    adminUrl: `${url}/admin/`,
    storefrontUrl: `${url}/storefront/`,
    docsUrl: `${url}/docs/`,
    reactUrl: `${url}/react/`,
    close: () => server.close(),
  };
}
