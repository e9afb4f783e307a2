import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

const external = [
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
  ...Object.keys(pkg.dependencies).filter((name) => !name.startsWith('@npsloop/')),
];

/** Node build of the collector: ESM, @npsloop/core bundled from its TypeScript sources, npm dependencies external. */
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { cli: 'src/cli.ts', app: 'src/app.ts' },
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  ssr: { noExternal: ['@npsloop/core'], target: 'node' },
});
