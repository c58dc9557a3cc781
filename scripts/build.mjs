// Bundles the Node side (the `form4` CLI) into out/ with esbuild. Native modules and packages that
// load files relative to themselves (OCR worker, language data, pdf.js) stay external. The store's
// SQL migrations are read at run time, so they are copied to out/migrations/ beside the bundles.
import { cp, rm } from 'node:fs/promises';
import { build } from 'esbuild';

await rm('out/migrations', { recursive: true, force: true });
await cp('main/store/migrations', 'out/migrations', { recursive: true, filter: (path) => !path.endsWith('.ts') });

const external = ['better-sqlite3', 'tesseract.js', '@tesseract.js-data/*', 'pdfjs-dist', '@napi-rs/canvas', 'electron'];

// The CLI, the loopback web server and the desktop app's main process (package.json "main"), all ESM:
// Electron loads an ES module main since v28, so the shared code's import.meta.url (migrations, OCR
// and pdf.js paths) means the same in all three.
await build({
  entryPoints: {
    'cli/form4': 'main/cli/index.ts',
    'web/form4-web': 'main/web/index.ts',
    'main/electron': 'main/app/index.ts',
    // The worker thread that makes display copies of page images (main/api/page-renditions.ts finds it here).
    'workers/page-rendition': 'main/api/page-rendition-worker.ts',
  },
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

// The desktop app's preload is CommonJS: a sandboxed preload cannot be an ES module and may require
// nothing but `electron`.
await build({
  entryPoints: { 'preload/preload': 'main/app/preload.ts' },
  outdir: 'out',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'es2023',
  sourcemap: true,
  external: ['electron'],
  logLevel: 'warning',
});

// The renderer (React through Vite, renderer/vite.config.ts) -> out/renderer/, which Electron loads
// from app://ui/ and the web transport serves.
const { build: buildRenderer } = await import('vite');
await buildRenderer({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
