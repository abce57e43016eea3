import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has working defaults: embedded database, port 3000, dev mailbox', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, publicUrl: 'http://localhost:3000', devMailbox: true, cookieSecure: false });
    expect(config.dataDir).toMatch(/\.manasik$/);
  });

  it('switches the mailbox off with SMTP and secures cookies behind https', () => {
    const config = loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.org', PUBLIC_URL: 'https://manasik.example.org/' });
    expect(config).toMatchObject({ devMailbox: false, cookieSecure: true, publicUrl: 'https://manasik.example.org' });
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
    }
  });
});
