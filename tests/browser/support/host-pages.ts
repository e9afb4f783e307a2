import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Host pages a test writes on the fly, served from a real loopback server:
 * Chromium refuses loopback requests from intercepted (addressless) pages.
 */
export interface HostPages {
  /** Serves `html` at `path` (a fresh path when none is given) and returns its URL. */
  serve(html: string, path?: string): string;
  close(): Promise<void>;
}

/** Starts an empty host-page server on a free loopback port. */
export async function startHostPages(): Promise<HostPages> {
  const pages = new Map<string, string>();
  const server = createServer((request, response) => {
    const html = pages.get(request.url ?? '');
    response.writeHead(html === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' }).end(html ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serve(html, path = `/page-${pages.size}`) {
      pages.set(path, html);
      return origin + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
