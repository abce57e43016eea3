import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { verifyFiles, type DrawFiles } from '../modules/draw/index.ts';
import type { Services } from '../services.ts';

export const drawFileNames = ['commitment.json', 'parameters.json', 'entries.ndjson', 'seed.json', 'results.ndjson'] as const;

/** Reads the published files from a folder or from a server's /api/v1/seasons/:code/draw/files. */
export async function readDrawFiles(source: string): Promise<DrawFiles> {
  const read = async (name: string) => {
    if (/^https?:\/\//.test(source)) {
      const res = await fetch(`${source.replace(/\/$/, '')}/${name}`);
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      return res.text();
    }
    return fs.promises.readFile(path.join(source, name), 'utf8');
  };
  const [commitment, parameters, entries, seed, results] = await Promise.all(drawFileNames.map(read));
  const lines = (text: string) => text.split('\n').filter((l) => l.length > 0);
  return { commitment: JSON.parse(commitment!), parameters: JSON.parse(parameters!), entries: lines(entries!), seed: JSON.parse(seed!), results: lines(results!) };
}

/** `manasik draw verify` and `manasik draw export`. */
export function registerDrawCommands(program: Command, withServices: <T>(work: (services: Services) => Promise<T>) => Promise<T>) {
  const draw = program.command('draw').description('the season\'s draw: export its published files, verify them');

  draw
    .command('verify')
    .description('recompute the whole draw from its published files alone and say whether the published results are identical')
    .argument('<source>', 'a folder holding the five files, or a URL such as https://manasik.example/api/v1/seasons/1448H/draw/files')
    .action(async (source: string) => {
      const started = Date.now();
      console.log(`Reading ${drawFileNames.join(', ')} from ${source}`);
      const files = await readDrawFiles(source);
      console.log(`Recomputing: Merkle root over ${files.entries.length} entries, seed, order, allocation…`);
      const verdict = verifyFiles(files);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (verdict.identical) {
        console.log(`IDENTICAL — ${verdict.entries} entries, ${verdict.winners} winners; root ${files.commitment.merkleRoot}; seed ${files.seed.seed} (${seconds} s)`);
      } else {
        console.log(`DIFFERENT — ${verdict.reason}`);
        process.exitCode = 1;
      }
    });

  draw
    .command('export')
    .description('write the draw\'s published files to a folder')
    .requiredOption('--season <code>', 'season, e.g. 1448H')
    .requiredOption('--out <folder>', 'where to write the files')
    .action((opts: { season: string; out: string }) =>
      withServices(async (services) => {
        fs.mkdirSync(opts.out, { recursive: true });
        for (const name of drawFileNames) {
          fs.writeFileSync(path.join(opts.out, name), await services.draw.file(opts.season, name));
          console.log(`  wrote ${path.join(opts.out, name)}`);
        }
      }),
    );
}
