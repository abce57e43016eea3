import pg from 'pg';
import { testDatabaseUrl } from './harness.ts';

/** Fails fast, with the fix, when the PostgreSQL server the tests need is not there. */
export default async function setup() {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${testDatabaseUrl} (${(error as Error).message}). ` +
        'Start it (on this machine: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) or set DATABASE_URL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
