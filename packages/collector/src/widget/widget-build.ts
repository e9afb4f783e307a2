import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One built file of the widget and its Subresource Integrity hash. */
export interface BuiltFile {
  file: string;
  integrity: string;
}

/** The widget build's manifest (`dist/widget.json`, written by the widget's build). */
export interface WidgetManifest {
  loader: BuiltFile & { hashed: string };
  chunks: BuiltFile[];
}

/** A found widget build: its folder and its manifest. */
export interface WidgetBuild {
  dir: string;
  manifest: WidgetManifest;
}

function collectorRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the widget build may be: the folder of the `@npsloop/widget/widget.js` export, then the workspace path. */
export function widgetDirCandidates(): string[] {
  const root = collectorRoot();
  const candidates = [join(root, 'node_modules/@npsloop/widget/dist'), join(root, '../widget/dist')];
  try {
    candidates.unshift(dirname(createRequire(import.meta.url).resolve('@npsloop/widget/widget.js')));
  } catch {
    // Not built yet: the fallbacks are checked again on every request.
  }
  return candidates;
}

/** Finds the build in the first folder that holds a manifest, re-reading it only when it changed; null when not built. */
export function createBuildReader(dirs: readonly string[]) {
  let cached: (WidgetBuild & { mtimeMs: number }) | null = null;
  return async function read(): Promise<WidgetBuild | null> {
    for (const dir of dirs) {
      const info = await stat(join(dir, 'widget.json')).catch(() => null);
      if (!info?.isFile()) continue;
      if (cached?.dir === dir && cached.mtimeMs === info.mtimeMs) return cached;
      const manifest = JSON.parse(await readFile(join(dir, 'widget.json'), 'utf8')) as WidgetManifest;
      cached = { dir, manifest, mtimeMs: info.mtimeMs };
      return cached;
    }
    return null;
  };
}
