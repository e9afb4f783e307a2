// Builds the widget into dist/:
//   widget-ui.<hash>.js   the survey UI chunk (Preact, components, CSS, strings), an IIFE
//   widget.js             the loader, an IIFE that knows the chunk's file name and SRI hash
//   widget.<hash>.js      the same loader at a content-hashed (immutable) name
//   *.br, *.gz            brotli and gzip copies of each, for the collector to serve as they are
//   widget.json           the manifest: each file with its SRI hash (the collector's /widget.json)
//   npsloop.mjs (+ its UI chunk)  the ESM entry for bundlers, the UI as a dynamic import()
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;

// Classic JSX (`h`) rather than Preact's jsx-runtime: render() needs `h` anyway, so the
// runtime's own vnode function would be a second copy (about 150 B gzip).
const JSX = { jsx: 'transform', jsxFactory: 'h', jsxFragment: 'Fragment', jsxInject: "import { h, Fragment } from 'preact'" };

const common = { configFile: false, root, logLevel: 'warn', esbuild: { ...JSX, legalComments: 'none' } };
// Terser saves about 5% over esbuild's minifier; every byte of the loader is paid on every page view.
const TERSER = { compress: { passes: 3 }, ecma: 2020, toplevel: true };
// In the loader, a property named `_like` is private to it (in memory only: never stored, sent, or
// shared with the UI chunk or a site), so terser may shorten it.
const LOADER_TERSER = { ...TERSER, mangle: { properties: { regex: /^_[a-z]/i } } };
// In the chunk, Preact's own internals (`__k`, `__e` …: two underscores and a letter, as Preact ships
// them) may be shortened too: the chunk's Preact is private to it, and no devtools reach in.
const CHUNK_TERSER = { ...TERSER, mangle: { properties: { regex: /^__[a-z]$/i } } };

/** Builds one entry as a minified IIFE in memory and returns its code. No `name`: nothing is exported, no global is made. */
async function iife(entry, terserOptions, define = {}) {
  const [output] = await build({
    ...common,
    define,
    build: {
      write: false, target: 'es2020', minify: 'terser', terserOptions, sourcemap: false,
      lib: { entry, formats: ['iife'], name: 'npsloop', fileName: () => 'out.js' },
    },
  });
  return output.output[0].code;
}

/** The file's SRI hash and a 16-hex-digit content hash for its immutable name. */
function digest(code) {
  const sha384 = createHash('sha384').update(code).digest();
  return { integrity: `sha384-${sha384.toString('base64')}`, hash: sha384.toString('hex').slice(0, 16) };
}

/** Writes a file with its brotli (quality 11) and gzip (level 9) copies. */
function writeCompressed(name, code) {
  const bytes = Buffer.from(code);
  writeFileSync(dist + name, bytes);
  writeFileSync(`${dist}${name}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(`${dist}${name}.gz`, gzipSync(bytes, { level: 9 }));
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });

const ui = await iife('src/ui/chunk.ts', CHUNK_TERSER);
const uiDigest = digest(ui);
const uiFile = `widget-ui.${uiDigest.hash}.js`;
writeCompressed(uiFile, ui);

const loader = await iife('src/loader/main.ts', LOADER_TERSER, { __NPSLOOP_UI__: JSON.stringify({ file: uiFile, integrity: uiDigest.integrity }) });
const loaderDigest = digest(loader);
const hashedLoader = `widget.${loaderDigest.hash}.js`;
writeCompressed('widget.js', loader);
writeCompressed(hashedLoader, loader);

writeFileSync(`${dist}widget.json`, JSON.stringify({
  loader: { file: 'widget.js', hashed: hashedLoader, integrity: loaderDigest.integrity },
  chunks: [{ file: uiFile, integrity: uiDigest.integrity }],
}, null, 2) + '\n');

await build({
  ...common,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    // Left readable: the bundler that imports it minifies.
    minify: false,
    sourcemap: false,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'npsloop.mjs' },
    rollupOptions: { output: { chunkFileNames: 'npsloop-[name]-[hash].mjs' } },
  },
});
