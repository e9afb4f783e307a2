import { defineConfig } from 'vite';

// Two outputs from one source: `vite build` makes dist/widget.js, the script-tag
// IIFE (minified, Preact and core bundled in); `vite build --mode esm` adds
// dist/npsloop.mjs for bundlers, with Preact left as a peer import.
export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact', legalComments: 'none' },
    build: {
      target: 'es2020',
      emptyOutDir: !esm,
      minify: 'esbuild',
      sourcemap: false,
      lib: esm
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'npsloop.mjs' }
        : { entry: 'src/main.ts', formats: ['iife'], name: 'npsloop', fileName: () => 'widget.js' },
      rollupOptions: esm ? { external: [/^preact/] } : {},
    },
  };
});
