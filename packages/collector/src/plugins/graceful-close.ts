import type { FastifyInstance } from 'fastify';
import { globalPlugin } from './global-plugin.ts';

/**
 * Makes `close()` drain instead of refuse: requests already on a keep-alive connection are
 * still answered (and stored), every answer after close began says `Connection: close`, and
 * sockets that turn idle later are reaped, so closing never waits on a client's idle socket.
 */
export const gracefulClose = globalPlugin(async (app: FastifyInstance) => {
  let closing = false;
  let reaper: NodeJS.Timeout | null = null;
  app.addHook('preClose', (done) => {
    closing = true;
    if (app.server.listening) reaper = setInterval(() => app.server.closeIdleConnections(), 50);
    done();
  });
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (closing) reply.header('Connection', 'close');
    done(null, payload);
  });
  app.addHook('onClose', (_instance, done) => {
    if (reaper) clearInterval(reaper);
    done();
  });
});
