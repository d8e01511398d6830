// Builds the single-file ES module of all elements (lit and core included), minified with a
// source map, for pages without a build step:
//   <script type="module" src="https://…/@clientela/elements/cdn/clientela.js"></script>
// Runs on the tsc output (dist/), so it bundles exactly what the package ships.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

const result = await build({
  entryPoints: [here('../dist/index.js')],
  outfile: here('../dist/cdn/clientela.js'),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  // Lit's production build (no dev-mode warnings); React wrappers are not part of this bundle.
  conditions: ['production', 'browser'],
  external: ['react'],
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
console.log(`dist/cdn/clientela.js: ${(bytes / 1024).toFixed(1)} kB minified (see npm run size for gzip)`);
