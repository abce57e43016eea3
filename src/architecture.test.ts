import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFile, moduleGraph } from '../scripts/module-graph.ts';

/**
 * The walls of docs/ARCHITECTURE.md are the rules of .dependency-cruiser.cjs,
 * which `npm run lint` applies to the whole code. Here they run on a small
 * made-up project, to prove each rule refuses what it must and lets through
 * the same import done the right way.
 */
const require = createRequire(import.meta.url);
const { forbidden } = require('../.dependency-cruiser.cjs') as { forbidden: unknown[] };

let root: string;
const files: Record<string, string> = {
  'src/modules/bookings/index.ts': "export { seats } from './tables.ts';\n",
  'src/modules/bookings/tables.ts': 'export const seats = 1;\n',
  'src/modules/wallet/deep.ts': "import { seats } from '../bookings/tables.ts';\nexport const a = seats;\n",
  'src/modules/wallet/through-index.ts': "import { seats } from '../bookings/index.ts';\nexport const b = seats;\n",
  'src/core/clock.ts': 'export const now = 0;\n',
  'src/core/up.ts': "import { seats } from '../modules/bookings/index.ts';\nexport const c = seats;\n",
  'src/db/schema.ts': "import { seats } from '../modules/bookings/index.ts';\nexport const d = seats;\n",
  'src/common/money.ts': "import { now } from '../core/clock.ts';\nexport const e = now;\n",
  'web/src/page.ts': "import { seats } from '../../src/modules/bookings/index.ts';\nimport { e } from '../../src/common/money.ts';\nexport const f = seats + e;\n",
};

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'manasik-walls-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function violations() {
  const result = await cruise(['src', 'web/src'], { baseDir: root, ruleSet: { forbidden } as never, validate: true, tsPreCompilationDeps: false });
  const output = result.output as { summary: { violations: { from: string; to: string; rule: { name: string } }[] } };
  return output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();
}

describe('the walls between the parts', () => {
  it('refuse exactly the imports that cross a wall, and accept the same import through index.ts', async () => {
    expect(await violations()).toEqual([
      'common-is-self-contained: src/common/money.ts -> src/core/clock.ts',
      'core-imports-nothing-above: src/core/up.ts -> src/modules/bookings/index.ts',
      'db-knows-no-module: src/db/schema.ts -> src/modules/bookings/index.ts',
      'module-through-index: src/modules/wallet/deep.ts -> src/modules/bookings/tables.ts',
      'web-no-server-internals: web/src/page.ts -> src/modules/bookings/index.ts',
    ]);
  });
});

describe('the module graph in docs/module-graph.md', () => {
  it('is what the code imports (run `npm run graph` after changing imports)', async () => {
    expect(fs.readFileSync(graphFile, 'utf8')).toBe(await moduleGraph());
  }, 60_000);
});
