import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from './transports.ts';

/** A real SMTP conversation with a local server: what production does with SMTP_URL. */
const received: { from: string; to: string[]; data: string }[] = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString()));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          data,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('smtpTransport', () => {
  it('delivers an Arabic email over SMTP with the configured sender', async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${port}`, 'Manasik <no-reply@manasik.example>');
    await transport.send({ to: 'pilgrim@example.org', subject: 'تأكيد بريدك الإلكتروني', text: 'السلام عليكم' });
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ from: 'no-reply@manasik.example', to: ['pilgrim@example.org'] });
    expect(received[0]!.data).toMatch(/Subject: =\?UTF-8\?/);
  });

  it('fails loudly when the server is unreachable, so the outbox retries', async () => {
    const transport = smtpTransport('smtp://127.0.0.1:1', 'x@example.org');
    await expect(transport.send({ to: 'a@example.org', subject: 's', text: 't' })).rejects.toThrow();
  });
});
