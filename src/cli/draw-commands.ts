import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { drawFileNames, shareToBps, simulateSeason, verifyFiles, type DrawFiles, type Verdict } from '../modules/draw/index.ts';
import type { Services } from '../services.ts';

/** A file that cannot be read at all: no verdict (exit status 2). */
class Unreadable extends Error {}

/**
 * Reads the published files, as bytes, from a folder or from a server's
 * /api/v1/seasons/:code/draw/files. A file not published yet (absent, or 404)
 * is left out: the verifier then checks as far as the files go.
 */
export async function readDrawFiles(source: string): Promise<DrawFiles> {
  const files: DrawFiles = {};
  await Promise.all(drawFileNames.map(async (name) => {
    if (/^https?:\/\//.test(source)) {
      const res = await fetch(`${source.replace(/\/$/, '')}/${name}`);
      const later = name === 'seed.json' || name === 'results.ndjson';
      if (later && (res.status === 404 || res.status === 409)) return; // not published yet
      if (!res.ok) throw new Unreadable(`${name}: HTTP ${res.status}`);
      files[name] = new Uint8Array(await res.arrayBuffer());
      return;
    }
    const file = path.join(source, name);
    if (fs.existsSync(file)) files[name] = fs.readFileSync(file);
  }));
  return files;
}

/** What `manasik draw verify` prints: the verdict on the first line, then what was checked. */
export function describeVerdict(verdict: Verdict, seconds: string): string[] {
  if (!verdict.identical) return [`DIFFERENT: ${verdict.difference}`];
  const stage = { committed: 'the freeze\'s files (no random value yet)', seeded: 'the freeze\'s files and the random value (no results yet)', published: 'every file' }[verdict.stage];
  const lines = [
    'IDENTICAL',
    `checked ${stage}: ${verdict.entries} entries${verdict.winners === null ? '' : `, ${verdict.winners} winners`}; Merkle root ${verdict.merkleRoot}${verdict.seed ? `; seed ${verdict.seed}` : ''} (${seconds} s)`,
  ];
  for (const check of verdict.checks) lines.push(`${check.outcome === 'unchecked' ? 'NOT CHECKED HERE' : 'checked'}: ${check.detail}`);
  return lines;
}

/** `manasik draw verify`, `manasik draw export` and `manasik draw simulate`. */
export function registerDrawCommands(program: Command, withServices: <T>(work: (services: Services) => Promise<T>) => Promise<T>) {
  const draw = program.command('draw').description('the season\'s draw: export its published files, verify them, simulate a season');

  draw
    .command('verify')
    .description('recompute the whole draw from its published files alone (docs/algorithms/draw.md §8) and say whether they are identical; exit status 0 or 1')
    .argument('<source>', 'a folder holding the files, or a URL such as https://manasik.example/api/v1/seasons/1448H/draw/files')
    .action(async (source: string) => {
      const started = Date.now();
      process.stderr.write(`Reading ${drawFileNames.join(', ')} from ${source}\n`);
      const files = await readDrawFiles(source).catch((error: Error) => {
        process.stderr.write(`cannot read the files: ${error instanceof Unreadable ? error.message : `${source}: ${error.message}`}\n`);
        return null;
      });
      if (!files) {
        process.exitCode = 2;
        return;
      }
      process.stderr.write('Recomputing: hashes, Merkle root, named round and its signature, seed, order, allocation…\n');
      const verdict = verifyFiles(files);
      for (const line of describeVerdict(verdict, ((Date.now() - started) / 1000).toFixed(1))) console.log(line);
      if (!verdict.identical) process.exitCode = 1;
    });

  draw
    .command('export')
    .description('write the draw\'s published files to a folder, exactly as served')
    .requiredOption('--season <code>', 'season, e.g. 1448H')
    .requiredOption('--out <folder>', 'where to write the files')
    .action((opts: { season: string; out: string }) =>
      withServices(async (services) => {
        fs.mkdirSync(opts.out, { recursive: true });
        for (const name of drawFileNames) {
          const text = await services.draw.file(opts.season, name).catch(() => null); // not published yet
          if (text === null) continue;
          fs.writeFileSync(path.join(opts.out, name), text);
          console.log(`  wrote ${path.join(opts.out, name)}`);
        }
      }),
    );

  draw
    .command('simulate')
    .description('write a complete synthetic season\'s published files (two pools, the first-time pool with the given share), to test a verifier at scale')
    .requiredOption('--families <n>', 'number of families', positive('--families'))
    .requiredOption('--packages <m>', 'number of packages', positive('--packages'))
    .requiredOption('--share <s>', 'the first-time pool\'s share: a fraction with an exact basis-point value (0.29) or basis points (2900bps)', parseShare)
    .requiredOption('--seed <k>', 'the generator\'s seed: the same seed writes the same season')
    .requiredOption('--out <folder>', 'where to write the files')
    .action((opts: { families: number; packages: number; share: number; seed: string; out: string }) => {
      const shareBps = opts.share;
      const started = Date.now();
      const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'generating families [{bar}] {value}/{total}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
      bar?.start(opts.families, 0);
      const season = simulateSeason({ families: opts.families, packages: opts.packages, shareBps, seed: opts.seed }, (done) => bar?.update(done));
      bar?.stop();
      fs.mkdirSync(opts.out, { recursive: true });
      for (const name of drawFileNames) fs.writeFileSync(path.join(opts.out, name), season.files[name]);
      const winners = season.placements.winners;
      console.log(`wrote ${drawFileNames.length} files to ${opts.out}: ${opts.families} families, ${winners} winners, share ${shareBps} basis points, quicknet round ${season.seed.randomness.kind === 'drand' ? season.seed.randomness.round : '?'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    });
}

function positive(option: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < (option === '--families' ? 0 : 1)) throw new InvalidArgumentError(`${option} must be a whole number${option === '--families' ? '' : ' from 1'}`);
    return n;
  };
}

/** 0.29 → 2900; "2900bps" → 2900; a share with no exact basis-point value is refused, as the API refuses it. */
function parseShare(text: string): number {
  const bps = /^\d+bps$/.test(text) ? Number(text.slice(0, -3)) : shareToBps(Number(text));
  if (bps === null || !Number.isInteger(bps) || bps < 1 || bps > 9999) throw new InvalidArgumentError(`--share ${text}: give a fraction with an exact basis-point value (0.29) or basis points (2900bps), from 0.0001 to 0.9999`);
  return bps;
}
