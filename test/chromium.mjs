// Where Chromium is and how to launch it, for the test setup and for scripts (a plain module, so
// Node scripts can import it without a TypeScript step; test/chromium.ts re-exports it typed).
import { existsSync } from 'node:fs';

/** The sentence shown when the browser tests cannot find Chromium (also in the README). */
export const CHROMIUM_MISSING =
  'Browser tests need Chromium: install it with `apt-get install chromium`, or set CHROMIUM_PATH to a Chromium binary.';

/**
 * Launch flags Chromium needs here: no sandbox when run as root (CI runs as root), and no
 * background networking, sync or component updates, which otherwise flood a closed network with
 * connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** The Chromium binary to drive: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`. */
export function chromiumPath() {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) throw new Error(`${CHROMIUM_MISSING} (looked for ${candidate})`);
  return candidate;
}
