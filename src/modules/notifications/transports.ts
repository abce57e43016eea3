import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
}

/** How a message leaves the platform. Implement this to add SMS, push, or another mail API. */
export interface MailTransport {
  readonly name: string;
  send(message: OutgoingEmail): Promise<void>;
}

/**
 * The developer mailbox: nothing leaves the machine; the outbox row itself is
 * the delivered message, listed at /dev/mailbox. Used when SMTP_URL is unset.
 */
export const devMailboxTransport: MailTransport = {
  name: 'devmailbox',
  async send() {},
};

/** Real email through any SMTP server, e.g. `smtps://user:pass@smtp.example.org:465`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport(url);
  return {
    name: 'smtp',
    async send(message) {
      await transporter.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}
