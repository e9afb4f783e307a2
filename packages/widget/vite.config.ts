import { defineConfig } from 'vite';

// Two outputs from one source: `vite build` makes dist/widget.js, the
// script-tag IIFE (minified, core's strings bundled in, no globals but
// `window.npsloop`); `vite build --mode esm` adds dist/npsloop.mjs for bundlers.
// Components name their JSX runtime with the pragma `@jsxImportSource ..`: src/jsx-runtime.ts (see there why).
export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    esbuild: { legalComments: 'none' },
    build: {
      target: 'es2020',
      emptyOutDir: !esm,
      minify: 'esbuild',
      sourcemap: false,
      lib: esm
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'npsloop.mjs' }
        : { entry: 'src/main.ts', formats: ['iife'], name: 'npsloop', fileName: () => 'widget.js' },
    },
  };
});
