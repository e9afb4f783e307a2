/** A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps every message it accepts, parsed by mailparser. */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { onTestFinished } from 'vitest';

/** A message the server accepted. */
export interface ReceivedMail {
  to: string;
  mail: ParsedMail;
}

/** Starts the server; `beforeAccept(n)` runs before the n-th message (1-based) is accepted and may refuse it by throwing. */
export async function startSmtpReceiver(options: { beforeAccept?: (n: number) => Promise<void> | void } = {}) {
  const received: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let arriving = 0;
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'nps' }),
    onData(stream, session, callback) {
      const number = ++arriving;
      simpleParser(stream).then(async (mail) => {
        await options.beforeAccept?.(number);
        received.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), mail });
        for (const waiter of waiters) waiter();
        callback();
      }).catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://nps:secret@127.0.0.1:${port}`,
    received,
    /** Resolves once `count` messages were accepted. */
    waitFor: (count: number) => new Promise<void>((resolve) => {
      const check = () => { if (received.length >= count) { waiters.delete(check); resolve(); } };
      waiters.add(check);
      check();
    }),
  };
}
