import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The example pages live in `examples/admin-panel` and `examples/storefront` but are served at
 * `/admin/` and `/storefront/` (the URLs the README gives), so rewrite the admin prefix.
 */
function exampleRoutes(): Plugin {
  const rewrite = (url: string | undefined) => (url && /^\/admin(\/|$)/.test(url) ? url.replace(/^\/admin\/?/, '/admin-panel/') : url);
  return {
    name: 'clientela:example-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        req.url = rewrite(req.url);
        next();
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, _res, next) => {
        req.url = rewrite(req.url);
        next();
      });
    },
  };
}

// The pages import the packages' sources, so `npm start` needs no build step and edits reload.
export default defineConfig({
  root: here('.'),
  plugins: [exampleRoutes()],
  resolve: {
    alias: [
      { find: /^@clientela\/core$/, replacement: here('../packages/core/src/index.ts') },
      { find: /^@clientela\/core\/i18n\/all$/, replacement: here('../packages/core/src/i18n/all.ts') },
      { find: /^@clientela\/core\/([a-z0-9]+)$/, replacement: here('../packages/core/src/$1/index.ts') },
      { find: /^@clientela\/mock-server\/browser$/, replacement: here('../packages/mock-server/src/browser.ts') },
      { find: /^@clientela\/elements$/, replacement: here('../packages/elements/src/index.ts') },
      { find: /^@clientela\/elements\/([a-z-]+)$/, replacement: here('../packages/elements/src/$1/$1.ts') },
    ],
  },
  // The React example (react/main.tsx) compiles with the automatic JSX runtime; no React plugin
  // (no fast refresh needed for an example).
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  server: { host: '127.0.0.1', strictPort: false },
  build: {
    outDir: here('./dist'),
    rollupOptions: { input: { admin: here('admin-panel/index.html'), storefront: here('storefront/index.html'), docs: here('docs/index.html'), react: here('react/index.html') } },
  },
});
