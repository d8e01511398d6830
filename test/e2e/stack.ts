// What every end-to-end test starts: the mock server CLI as a real process, the example pages
// (vite, proxying the API) and a headless Chromium; and a valid CPF maker for the data they add.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  startExamples,
  startMockServer,
  type StartedExamples,
  type StartedMockServer,
} from '../../scripts/examples-harness.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium.js';

export interface Stack {
  server: StartedMockServer;
  examples: StartedExamples;
  browser: Browser;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Customers the server seeds. */
  seed: number;
  /** More CLI arguments for the server, e.g. `['--fail-rate', '0.3']`. */
  serverArgs?: string[];
}

/** Starts the server seeded with `seed` customers, the example pages and Chromium. */
export async function startStack({ seed, serverArgs }: StackOptions): Promise<Stack> {
  const server = await startMockServer({ seed, ...(serverArgs ? { extraArgs: serverArgs } : {}) });
  const examples = await startExamples({ apiUrl: server.url });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  return {
    server,
    examples,
    browser,
    async close() {
      await browser.close();
      await examples.close();
      await server.close();
    },
  };
}

/**
 * Starts a stack before the file's tests and closes it after them. The returned object's fields
 * are read inside tests (they are set once `beforeAll` ran).
 *
 * @example
 * const stack = useStack({ seed: 200 });
 * it('…', async () => { const page = await openAdmin(stack); … });
 */
export function useStack(options: StackOptions): Stack {
  const live = {} as { stack?: Stack };
  beforeAll(async () => {
    live.stack = await startStack(options);
  }, 180_000);
  afterAll(async () => {
    await live.stack?.close();
  });
  const current = (): Stack => {
    if (!live.stack) throw new Error('the stack is read before beforeAll started it');
    return live.stack;
  };
  return {
    get server() {
      return current().server;
    },
    get examples() {
      return current().examples;
    },
    get browser() {
      return current().browser;
    },
    close: () => current().close(),
  };
}

export interface OpenAdminOptions {
  viewport?: { width: number; height: number };
  acceptDownloads?: boolean;
  /** Custom elements the test uses; the page is returned once all of them are defined. */
  elements?: string[];
  /** Appended to the admin page's URL (a query or a hash). */
  suffix?: string;
}

/** Opens the admin example in a new page (its errors printed) and waits for its elements. */
export async function openAdmin(stack: Stack, { viewport = { width: 1280, height: 900 }, acceptDownloads = false, elements = ['cl-customer-table'], suffix = '' }: OpenAdminOptions = {}): Promise<Page> {
  const page = await stack.browser.newPage({ viewport, acceptDownloads });
  page.on('pageerror', (e) => console.error('admin page error:', e.message));
  await page.goto(stack.examples.adminUrl + suffix);
  await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), elements);
  return page;
}

const DEVELOPER_WORDS = /fail-rate|Retry-After|Service unavailable|Failed to fetch|HTTP \d{3}/i;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * For tests against a failing server: waits for a step's outcome, `ok` holding or `failure`
 * visible. A failure must say what went wrong in Portuguese (no developer words) and offer a way
 * to try again (`retry`, or the "Tentar novamente" button inside it), which is used, and the step
 * is waited for again: once the failure is gone (up to `settleMs`), or after a short pause when
 * `settleMs` is 0 (for a failure that stays on screen while the step is retried). Returns how many
 * failures were seen.
 */
export async function outcome(what: string, ok: () => Promise<boolean>, failure: Locator, retry?: () => Promise<void>, settleMs = 30_000): Promise<number> {
  let failures = 0;
  for (let waited = 0; waited < 120_000; waited += 200) {
    if (await ok()) return failures;
    if (await failure.first().isVisible().catch(() => false)) {
      const text = (await failure.first().textContent())!.replace(/\s+/g, ' ');
      expect(text, `${what}: a localized reason`).toMatch(/Não foi possível|indisponível|Sem conexão|demorou|Tente de novo/);
      expect(text, `${what}: no developer words`).not.toMatch(DEVELOPER_WORDS);
      failures++;
      if (retry) await retry();
      else await failure.first().getByRole('button', { name: 'Tentar novamente' }).click();
      if (settleMs) await failure.first().waitFor({ state: 'hidden', timeout: settleMs }).catch(() => undefined);
      else await sleep(200);
      continue;
    }
    await sleep(200);
  }
  throw new Error(`${what}: neither done nor a visible failure after 2 minutes`);
}

/** A valid CPF (bare digits) made from any number, so each test run adds its own customers. */
export function testCpf(seed: number): string {
  const base = String(Math.abs(Math.trunc(seed)) % 1e9).padStart(9, '0').split('').map(Number);
  const digit = (ds: number[]) => {
    const r = (ds.reduce((s, d, i) => s + d * (ds.length + 1 - i), 0) * 10) % 11;
    return r === 10 ? 0 : r;
  };
  const d1 = digit(base);
  return [...base, d1, digit([...base, d1])].join('');
}
