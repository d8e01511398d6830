import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from './test/chromium.js';

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const alias = [
  { find: /^@clientela\/core$/, replacement: src('./packages/core/src/index.ts') },
  { find: /^@clientela\/core\/i18n\/all$/, replacement: src('./packages/core/src/i18n/all.ts') },
  { find: /^@clientela\/core\/([a-z0-9]+)$/, replacement: src('./packages/core/src/$1/index.ts') },
  { find: /^@clientela\/mock-server$/, replacement: src('./packages/mock-server/src/index.ts') },
  { find: /^@clientela\/mock-server\/browser$/, replacement: src('./packages/mock-server/src/browser.ts') },
  { find: /^@clientela\/conformance$/, replacement: src('./packages/conformance/src/index.ts') },
  { find: /^@clientela\/elements$/, replacement: src('./packages/elements/src/index.ts') },
  { find: /^@clientela\/elements\/([a-z-]+)$/, replacement: src('./packages/elements/src/$1/$1.ts') },
];

/**
 * @open-wc/testing pulls @web/test-runner-commands, which imports the web-dev-server's socket
 * module. Vitest serves no such module, so give it one whose commands say they are unavailable.
 */
function webDevServerSocketStub(): Plugin {
  const id = '/__web-dev-server__web-socket.js';
  return {
    name: 'clientela:wds-socket-stub',
    enforce: 'pre',
    resolveId: (source) => (source.endsWith(id) ? `\0${id}` : null),
    load: (loaded) =>
      loaded === `\0${id}`
        ? `export const sendMessage = () => {};
           export const sendMessageWaitForResponse = () => { throw new Error('web-test-runner commands are not available under vitest'); };
           export default { sendMessage, sendMessageWaitForResponse };`
        : null,
  };
}

const runsBrowser = !process.argv.some((a) => a === '--project=node' || a === 'node');

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts', 'packages/core/test/**/*.test.ts', 'packages/mock-server/src/**/*.test.ts', 'packages/mock-server/test/**/*.test.ts', 'packages/conformance/test/**/*.test.ts', 'packages/elements/src/**/*.node.test.ts', 'test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        plugins: [webDevServerSocketStub()],
        optimizeDeps: { include: ['@open-wc/testing', 'axe-core'] },
        test: {
          name: 'browser',
          include: ['packages/elements/src/**/*.test.ts'],
          // DOM-free parts of the elements are tested in the node project.
          exclude: [...configDefaults.exclude, 'packages/elements/src/**/*.node.test.ts'],
          // Starts the built mock server (packages/mock-server/dist/cli.js) for client.browser.test.ts.
          globalSetup: ['./test/mock-server.global-setup.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: runsBrowser ? chromiumPath() : undefined,
                args: CHROMIUM_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
