import path from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/**
 * Every setting the platform reads from the environment. The README's
 * configuration table lists the same variables; keep them in step.
 */
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ default: '127.0.0.1' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  MANASIK_DATA_DIR: Type.String({ default: './.manasik' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'Manasik <no-reply@manasik.local>' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  SESSION_TTL_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  API_TOKEN_TTL_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30 }),
  COOKIE_SECURE: Type.Optional(Type.Boolean()),
  METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 10 * 1024 * 1024, default: 64 * 1024 }),
  TRUST_PROXY: Type.Boolean({ default: false }),
  SIGN_IN_RATE_PER_MINUTE: Type.Integer({ minimum: 1, default: 20 }),
  MANASIK_DEV_MAILBOX: Type.Optional(Type.Boolean()),
  WEBHOOK_ALLOW_PRIVATE: Type.Optional(Type.Boolean()),
  SIMGW_CHAOS: Type.Boolean({ default: true }),
});
type Env = Static<typeof EnvSchema>;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: string;
  sessionTtlHours: number;
  apiTokenTtlDays: number;
  cookieSecure: boolean;
  metricsToken: string | undefined;
  bodyLimitBytes: number;
  trustProxy: boolean;
  signInRatePerMinute: number;
  /** Show sent mail on /dev/mailbox. On by default only when no SMTP server is configured. */
  devMailbox: boolean;
  /** Let webhooks target http and private addresses. On by default only when PUBLIC_URL is not https. */
  webhookAllowPrivate: boolean;
  /** The simulated card gateway sends each webhook twice and out of order, as real ones may. */
  gatewayChaos: boolean;
}

export class ConfigError extends Error {}

/** Reads and checks the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(EnvSchema.properties);
  const raw: Record<string, unknown> = {};
  for (const key of known) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  const errors = [...Value.Errors(EnvSchema, converted)];
  if (errors.length > 0) {
    throw new ConfigError(
      `Invalid configuration: ${errors.map((e) => `${e.path.slice(1)} ${e.message}`).join('; ')}`,
    );
  }
  const e = converted as Env;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.MANASIK_DATA_DIR),
    publicUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    apiTokenTtlDays: e.API_TOKEN_TTL_DAYS,
    cookieSecure: e.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    metricsToken: e.METRICS_TOKEN,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    trustProxy: e.TRUST_PROXY,
    signInRatePerMinute: e.SIGN_IN_RATE_PER_MINUTE,
    devMailbox: e.MANASIK_DEV_MAILBOX ?? !e.SMTP_URL,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE ?? !publicUrl.startsWith('https://'),
    gatewayChaos: e.SIMGW_CHAOS,
  };
}
