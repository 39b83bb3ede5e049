import nodemailer from "nodemailer";
import { maskRecipient } from "./notifications.rules.js";

/** One message as a transport sends it: the address, the title (the e-mail's subject) and the text. */
export interface OutgoingMessage {
  id: string;
  kind: string;
  to: string;
  title: string;
  body: string;
}

/** A way to send a message; it throws when the message was not accepted, so that the delivery step retries. */
export interface Transport {
  send(message: OutgoingMessage): Promise<void>;
}

export interface Transports {
  email: Transport;
  sms: Transport;
}

/** Where a transport writes what it did: never the message's text or the full address. */
export type TransportLog = (fields: Record<string, unknown>, message: string) => void;

/** E-mail through an SMTP server (`SMTP_URL`), from the configured sender (`SMTP_FROM`). */
export function smtpTransport(options: { url: string; from: string }): Transport & { close(): void } {
  const mailer = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await mailer.sendMail({
        from: options.from,
        to: message.to,
        subject: message.title,
        text: message.body,
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => mailer.close(),
  };
}

/**
 * Text messages: a municipality connects its own SMS gateway behind this interface. This one only logs that a
 * message was sent, with the number mostly hidden and without its text.
 */
export function loggingSmsTransport(log: TransportLog): Transport {
  return {
    async send(message) {
      log({ notificationId: message.id, kind: message.kind, to: maskRecipient(message.to) }, "text message sent (logged only)");
    },
  };
}

/** E-mail where no SMTP server is configured (development, the demo): logged like a text message, not sent. */
export function loggingEmailTransport(log: TransportLog): Transport {
  return {
    async send(message) {
      log(
        { notificationId: message.id, kind: message.kind, to: maskRecipient(message.to) },
        "e-mail not sent: SMTP_URL is not set (logged only)",
      );
    },
  };
}

/** The transports the configuration asks for: SMTP when `SMTP_URL` is set (otherwise e-mail is logged), SMS logged. */
export function createTransports(config: { SMTP_URL?: string | undefined; SMTP_FROM: string }, log: TransportLog): Transports {
  return {
    email: config.SMTP_URL ? smtpTransport({ url: config.SMTP_URL, from: config.SMTP_FROM }) : loggingEmailTransport(log),
    sms: loggingSmsTransport(log),
  };
}
