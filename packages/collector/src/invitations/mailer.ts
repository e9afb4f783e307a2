/** Sending mail over SMTP with nodemailer: one pooled connection per run, closed after it. */
import nodemailer from 'nodemailer';
import type { InvitationMessage } from './invitation-message.ts';

/** One message on its way: the invitation plus its envelope. */
export interface OutgoingMail extends InvitationMessage {
  from: string;
  to: string;
  messageId: string;
}

/** Sends mail; `send` rejects with the server's answer when it refuses. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Errors of the connection itself (not of one recipient): the run stops and a rerun goes on from there. */
const CONNECTION_ERRORS = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EAUTH', 'EDNS', 'ETLS', 'EPROTOCOL']);

/** True when an error says the SMTP server cannot be used at all, rather than refusing one message. */
export function isConnectionError(error: unknown): boolean {
  return CONNECTION_ERRORS.has((error as { code?: string }).code ?? '');
}

/** A mailer on an `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465` URL. */
export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({
        from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html,
        headers: mail.headers, list: mail.list, messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}
