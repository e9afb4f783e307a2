import { defineConfig } from 'vite';

// The dashboard is served by the collector under /dashboard/; hashed assets
// are cached for a year, index.html is revalidated (see the collector's
// routes/dashboard.ts). JSX goes through esbuild straight to Preact.
export default defineConfig({
  base: '/dashboard/',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
  build: { target: 'es2020', outDir: 'dist', emptyOutDir: true, sourcemap: false, assetsInlineLimit: 0 },
});
