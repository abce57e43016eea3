import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths that must never reach a log line: credentials, session secrets and
 * identity documents. Fastify logs only method, URL and headers by default;
 * these paths also cover anything a handler or an error logs by mistake.
 */
export const redactPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...['password', 'newPassword', 'currentPassword', 'token', 'passportNumber', 'passport_number', 'passport', 'secret', 'apiKey']
    .flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: redactPaths, censor: '[redacted]' },
      // Query strings may carry a token (email links land on the web app, but a
      // client might call the API with one): log the path only.
      serializers: {
        req: (req: { method: string; url: string; id: string; headers: Record<string, string> }) => ({
          id: req.id,
          method: req.method,
          url: req.url.split('?')[0],
          userAgent: req.headers?.['user-agent'],
        }),
      },
    },
    destination,
  );
}
