import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Host pages a test writes on the fly, served from a real loopback server:
 * Chromium refuses loopback requests from intercepted (addressless) pages.
 */
export interface HostPages {
  /** Serves `body` at `path` (a fresh path when none is given) as `type` (HTML by default) and returns its URL. */
  serve(body: string, path?: string, type?: string): string;
  close(): Promise<void>;
}

/** Starts an empty host-page server on a free loopback port. */
export async function startHostPages(): Promise<HostPages> {
  const pages = new Map<string, { body: string; type: string }>();
  const server = createServer((request, response) => {
    const page = pages.get(request.url ?? '');
    response.writeHead(page ? 200 : 404, { 'content-type': page?.type ?? 'text/html; charset=utf-8' }).end(page?.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    serve(body, path = `/page-${pages.size}`, type = 'text/html; charset=utf-8') {
      pages.set(path, { body, type });
      return origin + path;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
