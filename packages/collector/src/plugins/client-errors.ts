/** Answers for requests that never reach a route (too slow, not HTTP, headers too large), in the one error envelope. */
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** The status, code and message for a client error Node raises before any route runs. */
function describeClientError(error: NodeJS.ErrnoException, timeoutMs: number): [number, string, string] {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return [408, 'request_timeout', `request: not received in full within ${timeoutMs / 1000} s`];
  }
  if (error.code === 'HPE_HEADER_OVERFLOW') return [431, 'headers_too_large', 'headers: larger than the server accepts'];
  return [400, 'invalid_request', 'request: not a valid HTTP request'];
}

/** A Fastify `clientErrorHandler` writing `{ error: { code, message } }` (Fastify's own would write another shape). */
export function clientErrorHandler(timeoutMs: number) {
  return function handle(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, code, message] = describeClientError(error, timeoutMs);
    this.log.debug({ err: error }, `client error: ${code}`);
    if (socket.writable) {
      const body = JSON.stringify({ error: { code, message } });
      const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
      socket.write(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    }
    socket.destroy();
  };
}
