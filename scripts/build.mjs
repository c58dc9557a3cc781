// Bundles the Node side (the `form4` CLI) into out/ with esbuild. Native modules and packages that
// load files relative to themselves (OCR worker, language data, pdf.js) stay external. The store's
// SQL migrations are read at run time, so they are copied to out/migrations/ beside the bundles.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('out/migrations', { recursive: true, force: true });
await cp('main/store/migrations', 'out/migrations', { recursive: true, filter: (path) => !path.endsWith('.ts') });

const external = ['better-sqlite3', 'tesseract.js', '@tesseract.js-data/*', 'pdfjs-dist', '@napi-rs/canvas', 'electron'];

await build({
  entryPoints: { 'cli/form4': 'main/cli/index.ts' },
  outdir: 'out',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
