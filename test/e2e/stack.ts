// What every end-to-end test starts: the mock server CLI as a real process, the example pages
// (vite, proxying the API) and a headless Chromium; and a valid CPF maker for the data they add.
import { chromium, type Browser } from 'playwright-core';
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

/** Starts the server seeded with `seed` customers, the example pages and Chromium. */
export async function startStack({ seed }: { seed: number }): Promise<Stack> {
  const server = await startMockServer({ seed });
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
