/**
 * Writes docs/module-graph.md: the parts of the server (each module, the
 * workflows, the infrastructure) and which depends on which, read from the
 * imports by dependency-cruiser. `npm run graph` rewrites it; a test fails
 * when the committed file is not what the code says (src/architecture.test.ts).
 *
 * @example npx tsx scripts/module-graph.ts        # rewrite docs/module-graph.md
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const graphFile = path.join(root, 'docs/module-graph.md');

/** The part of the server a file belongs to. */
function partOf(file: string): string | null {
  if (!file.startsWith('src/') || /\.test\.ts$/.test(file) || file.startsWith('src/testing/')) return null;
  const m = /^src\/modules\/([^/]+)\//.exec(file);
  if (m) return m[1]!;
  const top = /^src\/([^/]+)\//.exec(file)?.[1];
  if (top) return top;
  return 'app'; // app.ts, services.ts, server.ts: the composition root
}

/** A Mermaid node id (no dashes). */
const id = (part: string) => part.replace(/-/g, '_');

const layer: Record<string, number> = { app: 0, cli: 0, workflows: 1, http: 3, db: 4, core: 5, shared: 6 };

export async function moduleGraph(): Promise<string> {
  const result = await cruise(['src'], { baseDir: root, tsPreCompilationDeps: true, doNotFollow: { path: 'node_modules' }, exclude: { path: '\\.test\\.ts$|^src/testing/|^src/tmp/' }, tsConfig: { fileName: 'tsconfig.json' } } as never);
  const modules = (result.output as { modules: { source: string; dependencies: { resolved: string }[] }[] }).modules;
  const edges = new Map<string, number>();
  const parts = new Set<string>();
  for (const m of modules) {
    const from = partOf(m.source);
    if (!from) continue;
    parts.add(from);
    for (const d of m.dependencies) {
      const to = partOf(d.resolved);
      if (!to || to === from) continue;
      edges.set(`${from} --> ${to}`, (edges.get(`${from} --> ${to}`) ?? 0) + 1);
    }
  }
  const sorted = [...parts].sort((a, b) => (layer[a] ?? 2) - (layer[b] ?? 2) || a.localeCompare(b));
  const arrows = [...edges].sort(([a], [b]) => a.localeCompare(b));
  const modulesOnly = sorted.filter((p) => layer[p] === undefined);
  return [
    '# The module graph',
    '',
    'Generated from the imports by `npm run graph` (scripts/module-graph.ts); a test fails when it is out of date.',
    'An arrow `a --> b` means code in `a` imports `b` (the number: how many imports). Modules import each other only',
    'through `index.ts`, and nothing points up: `shared` ← `core` ← `db`/`http` ← modules ← `workflows` ← the app',
    '(rules in `.dependency-cruiser.cjs`).',
    '',
    '```mermaid',
    'flowchart TB',
    ...sorted.map((p) => `  ${id(p)}["${p}"]`),
    ...arrows.map(([e]) => `  ${e.split(' --> ').map(id).join(' --> ')}`),
    '```',
    '',
    `Modules (${modulesOnly.length}): ${modulesOnly.map((m) => `\`${m}\``).join(', ')}.`,
    '',
    '| from | to | imports |',
    '|---|---|---|',
    ...arrows.map(([e, n]) => {
      const [from, to] = e.split(' --> ');
      return `| ${from} | ${to} | ${n} |`;
    }),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(graphFile, await moduleGraph());
  console.log(`wrote ${path.relative(root, graphFile)}`);
}
