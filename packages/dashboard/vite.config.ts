import { constants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

// The dashboard is served by the collector under /dashboard/; hashed assets
// are cached for a year, index.html is revalidated (see the collector's
// src/dashboard/dashboard-routes.ts). JSX goes through esbuild straight to Preact.
// Every text file also gets a .br and a .gz beside it, compressed once at the
// highest level here, which the collector sends to clients that accept them.
export default defineConfig({
  base: '/dashboard/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  build: { target: 'es2020', outDir: 'dist', emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
  plugins: [
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
});
