import { connect } from 'node:net';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createSurvey, testApp } from '../helpers.ts';

/** What a raw socket got back: everything until the server closed it, and how long after connecting that was. */
interface RawAnswer {
  text: string;
  elapsedMs: number;
}

/**
 * Opens a socket, sends `head`, then drips one more byte of `drip` every 50 ms (a slow or malicious client),
 * and resolves with what the server answered once it closes the connection.
 */
function dripRequest(port: number, head: string, drip: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const started = Date.now();
    let text = '';
    let next = 0;
    let timer: NodeJS.Timeout | undefined;
    // The drip starts once the head is written: started with the socket, a busy event loop could run the
    // interval before 'connect' and send a drip byte ahead of the request line (an invalid method: 400, not 408).
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (socket.writable && next < drip.length) socket.write(drip[next++]);
      }, 50);
    });
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, elapsedMs: Date.now() - started });
    });
  });
}

async function listening(requestTimeoutMs: number) {
  const app = await testApp({ requestTimeoutMs });
  await createSurvey(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  onTestFinished(() => app.close());
  return (app.server.address() as { port: number }).port;
}

describe('slow clients', () => {
  it.each([
    ['a body that never finishes', 'POST /v1/responses HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{', `"id":"slow_client_1","surveyId":"demo","score":7,${' '.repeat(400)}`],
    ['headers that never finish (slowloris)', 'GET /healthz HTTP/1.1\r\nHost: collector\r\n', 'X-Padding: '.concat('a'.repeat(400))],
  ])('%s: 408 in the error envelope once the request timeout passes, and the socket is closed', async (_kind, head, drip) => {
    const port = await listening(400);
    const answer = await dripRequest(port, head, drip);
    const [statusLine] = answer.text.split('\r\n');
    expect(statusLine).toBe('HTTP/1.1 408 Request Timeout');
    expect(answer.text).toContain('Content-Type: application/json; charset=utf-8');
    expect(JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'request_timeout', message: 'request: not received in full within 0.4 s' },
    });
    // Never before the configured time (the upper bound belongs to a benchmark, not a test).
    expect(answer.elapsedMs).toBeGreaterThanOrEqual(400);
  });

  it('a request that is not HTTP gets 400 in the error envelope', async () => {
    const port = await listening(30_000);
    const answer = await dripRequest(port, 'HELLO THERE\r\n\r\n', '');
    expect(answer.text.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4))).toEqual({ error: { code: 'invalid_request', message: 'request: not a valid HTTP request' } });
  });
});
