import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built widget script with everything needed to serve it: ETag, short hash for the immutable URL, SRI. */
export interface WidgetBundle {
  body: Buffer;
  etag: string;
  hash: string;
  integrity: string;
}

function collectorRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** Where the widget build may be: the `@npsloop/widget/widget.js` export, then the workspace path. */
export function widgetCandidates(): string[] {
  const root = collectorRoot();
  const candidates = [join(root, 'node_modules/@npsloop/widget/dist/widget.js'), join(root, '../widget/dist/widget.js')];
  try {
    candidates.unshift(createRequire(import.meta.url).resolve('@npsloop/widget/widget.js'));
  } catch {
    // Not built yet: the fallbacks are checked again on every request.
  }
  return candidates;
}

/** Loads the widget from the first candidate path that exists, re-reading only when the file changed; null when not built. */
export function createWidgetLoader(paths: readonly string[]) {
  let cached: (WidgetBundle & { path: string; mtimeMs: number; size: number }) | null = null;
  return async function load(): Promise<WidgetBundle | null> {
    for (const path of paths) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) continue;
      if (cached && cached.path === path && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached;
      const body = await readFile(path);
      const sha384 = createHash('sha384').update(body).digest();
      const hash = sha384.toString('hex').slice(0, 16);
      cached = { path, mtimeMs: info.mtimeMs, size: info.size, body, hash, etag: `"${hash}"`, integrity: `sha384-${sha384.toString('base64')}` };
      return cached;
    }
    return null;
  };
}
