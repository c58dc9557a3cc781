// The renderer's build: React through Vite into out/renderer/ with relative URLs, so the same files
// load from app://ui/ in Electron and from http://127.0.0.1:PORT/ over the web transport.
// `npm run dev:renderer` serves it with hot reload against a running `npm run web` (FORM4_WEB=URL).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const backend = process.env.FORM4_WEB ?? 'http://127.0.0.1:4780';

/** The dev server's hot reload injects an inline script, which the CSP of the built page refuses. */
const devWithoutCsp: Plugin = {
  name: 'form4-dev-without-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

export default defineConfig({
  root,
  base: './',
  plugins: [react(), devWithoutCsp],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: true },
      '/pages': { target: backend, changeOrigin: true },
    },
  },
});
