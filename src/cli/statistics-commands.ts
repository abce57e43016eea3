import fs from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { systemContext } from '../core/principal.ts';
import type { Services } from '../services.ts';
import { generateSimulation, tablesCsv, writeSimulationCsv } from '../modules/statistics/index.ts';

const seedOption = (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0 || n > 0xffffffff) throw new InvalidArgumentError('a whole number from 0 to 4294967295');
  return n;
};

function progressBar(label: string) {
  if (!process.stderr.isTTY) return { update: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar({ format: `${label} [{bar}] {percentage}% {value}/{total} records`, hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic);
  let started = false;
  return {
    update: (done: number, total: number) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** `manasik simulate` and `manasik stats`. */
export function registerStatisticsCommands(program: Command, withServices: <T>(work: (services: Services) => Promise<T>) => Promise<T>) {
  program
    .command('simulate')
    .description('build a whole season of records from its official figures (every breakdown reproduced exactly) into the database, or as CSV')
    .requiredOption('--season <code>', 'the season, a Hijri year such as 1444H')
    .requiredOption('--marginals <file>', 'figures in the format of data/hajj-seasons.json (any breakdown may be missing)')
    .option('--seed <n>', 'the seed: the same seed gives the same records, byte for byte', seedOption, 1)
    .option('--out <dir>', 'write the records as CSV into this folder instead of the database')
    .option('--replace', 'replace the season\'s records if it has some')
    .action(async (opts: { season: string; marginals: string; seed: number; out?: string; replace?: boolean }) => {
      const text = fs.readFileSync(opts.marginals, 'utf8');
      const started = Date.now();
      const sim = generateSimulation(opts.season, text, opts.seed);
      {
        console.log(`Generated ${sim.season.count.toLocaleString('en')} records of ${opts.season} (seed ${opts.seed}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        const bar = progressBar(opts.out ? 'writing' : 'loading');
        try {
          if (opts.out) {
            const file = await writeSimulationCsv(sim, opts.out, bar.update);
            bar.stop();
            console.log(`Wrote ${file}`);
          } else {
            await withServices((services) => services.statistics.load(systemContext('cli'), sim, { seed: opts.seed, replace: opts.replace ?? false, progress: bar.update }));
            bar.stop();
            console.log(`Loaded ${sim.season.count.toLocaleString('en')} records into ${opts.season} in ${((Date.now() - started) / 1000).toFixed(1)} s. Tables: npx manasik stats --season ${opts.season}`);
          }
        } finally {
          bar.stop();
        }
      }
    });

  program
    .command('stats')
    .description('compute a season\'s official tables from its records: json prints one entry in the format of data/hajj-seasons.json; csv prints every table')
    .requiredOption('--season <code>', 'the season, a Hijri year such as 1444H')
    .option('--format <format>', 'json or csv', (v) => {
      if (v !== 'json' && v !== 'csv') throw new InvalidArgumentError('json or csv');
      return v;
    }, 'json')
    .action((opts: { season: string; format: 'json' | 'csv' }) =>
      withServices(async (services) => {
        if (opts.format === 'json') {
          process.stdout.write(`${JSON.stringify(await services.statistics.figures(opts.season), null, 2)}\n`);
        } else {
          process.stdout.write(tablesCsv(opts.season, (await services.statistics.tables(opts.season, 'full')).tables));
        }
      }),
    );
}
