#!/usr/bin/env node
import type { Locale } from '../common/i18n.ts';
import cluster from 'node:cluster';
import { Command, InvalidArgumentError } from 'commander';
import path from 'node:path';
import { loadConfig } from '../core/config.ts';
import { OffsetClock } from '../core/clock.ts';
import { systemContext, staffRoles } from '../core/principal.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrator.ts';
import { createServices } from '../services.ts';
import { serve } from '../server.ts';
import { DEMO_PASSWORD, demoAccounts } from './demo-data.ts';
import { seedDemo, seedDemoIfEmpty } from './seed.ts';
import { DEMO_STATISTICS_SEASON, seedDemoStatistics } from './seed-statistics.ts';
import cliProgress from 'cli-progress';
import { registerDrawCommands } from './draw-commands.ts';
import { registerLedgerCommands } from './ledger-commands.ts';
import { registerStatisticsCommands } from './statistics-commands.ts';

/** The `manasik` command. Each sub-command opens the configured database itself. */
async function withDatabase<T>(work: (ctx: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const ctx = await open();
  try {
    return await work(ctx);
  } finally {
    await ctx.db.close();
  }
}

async function open() {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pgdata') });
  return { config, db };
}

function where(config: ReturnType<typeof loadConfig>) {
  return config.databaseUrl ? config.databaseUrl.replace(/\/\/[^@]*@/, '//***@') : `PGlite in ${config.dataDir}`;
}

async function runMigrations(db: Awaited<ReturnType<typeof open>>['db']) {
  const applied = await migrate(db, { onApplied: (name) => console.log(`  applied ${name}`) });
  return applied;
}

const program = new Command()
  .name('manasik')
  .description('Manasik: the open platform for the digital services of Hajj and Umrah')
  .version('0.1.0');

program
  .command('migrate')
  .description('apply pending database migrations (forward-only)')
  .action(() =>
    withDatabase(async ({ config, db }) => {
      console.log(`Migrating ${where(config)}`);
      const applied = await runMigrations(db);
      console.log(applied.length ? `${applied.length} migration(s) applied.` : 'Already up to date.');
    }),
  );

const admin = program.command('admin').description('administer accounts');
admin
  .command('create')
  .description('create a ministry admin (the first one, or another), ready to sign in')
  .requiredOption('--email <email>', 'sign-in email')
  .requiredOption('--name <name>', 'display name')
  .option('--password <password>', 'password (or set MANASIK_ADMIN_PASSWORD; avoid shell history)')
  .option('--role <role>', `staff role: ${staffRoles.join(', ')}`, (value) => {
    if (!(staffRoles as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${staffRoles.join(', ')}`);
    return value;
  }, 'ministry_admin')
  .option('--locale <locale>', 'ar or en', 'ar')
  .action((opts: { email: string; name: string; password?: string; role: string; locale: Locale }) =>
    withDatabase(async ({ config, db }) => {
      const password = opts.password ?? process.env.MANASIK_ADMIN_PASSWORD;
      if (!password) throw new InvalidArgumentError('give --password or MANASIK_ADMIN_PASSWORD');
      await runMigrations(db);
      const services = createServices({ config, db });
      const account = await services.accounts.createDirect(
        systemContext('cli'),
        { email: opts.email, displayName: opts.name, role: opts.role as never, locale: opts.locale },
        password,
      );
      console.log(`Created ${account.role} ${account.email} (${account.id}).`);
    }),
  );

program
  .command('seed')
  .description('load demo data (idempotent)')
  .option('--demo', 'the demo accounts, one per role')
  .action((opts: { demo?: boolean }) =>
    withDatabase(async ({ config, db }) => {
      if (!opts.demo) throw new InvalidArgumentError('say what to seed: --demo');
      await runMigrations(db);
      const created = await seedDemo(createServices({ config, db, clock: new OffsetClock() }), { progress: process.stdout.isTTY });
      const services = createServices({ config, db });
      console.log(`${created} demo account(s) created; password for all: ${DEMO_PASSWORD}`);
      const bar = process.stdout.isTTY ? new cliProgress.SingleBar({ format: `building ${DEMO_STATISTICS_SEASON} [{bar}] {value}/{total} records` }, cliProgress.Presets.shades_classic) : undefined;
      let started = false;
      const built = await seedDemoStatistics(services, { progress: (done, total) => (started ? bar?.update(done) : (bar?.start(total, done), (started = true))) });
      bar?.stop();
      console.log(built === 'seeded' ? `Built ${DEMO_STATISTICS_SEASON} from the official figures.` : `${DEMO_STATISTICS_SEASON} was already built.`);
    }),
  );

program
  .command('start')
  .description('migrate, seed the demo into an empty database (embedded or PostgreSQL), and serve API and web app')
  .option('--no-demo', 'do not seed demo data')
  .option('--workers <n>', 'server processes sharing the port (PostgreSQL only; e.g. one per core)', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
    return n;
  }, 1)
  .action(async (opts: { demo: boolean; workers: number }) => {
    if (cluster.isWorker) {
      // A worker only serves: the primary migrated and seeded before forking it.
      const { config, db } = await open();
      await serve(config, db);
      return;
    }
    const { config, db } = await open();
    if (opts.workers > 1 && !config.databaseUrl) throw new InvalidArgumentError('--workers needs PostgreSQL (DATABASE_URL): the embedded database is one process');
    console.log(`Database: ${where(config)}`);
    await runMigrations(db);
    // The demo's clock can be set back: its drawn season is frozen at a past moment (src/cli/seed-draw.ts).
    const demo = opts.demo ? await seedDemoIfEmpty(createServices({ config, db, clock: new OffsetClock() }), { progress: process.stdout.isTTY }) : 'skipped';
    if (demo === 'seeded') console.log('Seeded the demo.');
    if (demo === 'refused') console.log('The database already holds data: no demo was added (start with an empty database, or run `npx manasik seed --demo` on purpose).');
    const showSignIns = demo === 'seeded' || demo === 'present';
    // The demo's statistics season (a minute or more on the embedded database): built while serving, or before forking workers.
    const statistics = () => seedDemoStatistics(createServices({ config, db })).then(
      (done) => done === 'seeded' && console.log(`\nThe statistics of ${DEMO_STATISTICS_SEASON} are built: ${config.publicUrl}/api/v1/statistics/hajj/${DEMO_STATISTICS_SEASON}`),
      (error: Error) => console.error(`Building the demo's ${DEMO_STATISTICS_SEASON} statistics stopped: ${error.message} (it starts again at the next start)`),
    );
    if (opts.workers > 1) {
      if (showSignIns) await statistics();
      await db.close();
      startWorkers(opts.workers);
    } else {
      await serve(config, db);
      if (showSignIns) void statistics();
    }
    console.log(`\nManasik is running at ${config.publicUrl}  (API docs: ${config.publicUrl}/docs)${opts.workers > 1 ? ` with ${opts.workers} worker processes` : ''}`);
    if (config.devMailbox) console.log(`Development mailbox (emails are not sent): ${config.publicUrl}/dev/mailbox`);
    if (showSignIns) {
      console.log(`\nDemo sign-ins (password for all: ${DEMO_PASSWORD}):`);
      for (const a of demoAccounts) console.log(`  ${a.role.padEnd(17)} ${a.email}`);
    }
  });

/**
 * Forks `n` server processes that share the port (node:cluster). All state is
 * in PostgreSQL, so any worker serves any request; a worker that dies is
 * replaced; SIGINT/SIGTERM stop them gracefully. Sign-in rate limits are
 * counted per worker (the per-account lockout is in the database).
 */
function startWorkers(n: number) {
  let stopping = false;
  for (let i = 0; i < n; i++) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    cluster.fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
    setTimeout(() => process.exit(0), 11_000).unref();
    cluster.on('exit', () => Object.keys(cluster.workers ?? {}).length === 0 && process.exit(0));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

const withServices = <T>(work: (services: ReturnType<typeof createServices>) => Promise<T>) => withDatabase(({ config, db }) => work(createServices({ config, db })));
registerDrawCommands(program, withServices);
registerLedgerCommands(program, withServices);
registerStatisticsCommands(program, withServices);

program.parseAsync().catch((error: Error) => {
  console.error(`manasik: ${error.message}`);
  process.exit(1);
});
