/**
 * Writes the draw's test vectors (docs/algorithms/draw-vectors/) and the JSON
 * Schemas of its published files (docs/algorithms/draw-schemas/) from the
 * code. A test fails when the committed files differ from what the code
 * builds (src/modules/draw/domain/vectors.test.ts).
 *
 * @example npm run draw:vectors
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDrawVectors } from '../src/modules/draw/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/algorithms');
for (const dir of ['draw-vectors', 'draw-schemas']) fs.rmSync(path.join(root, dir), { recursive: true, force: true });
const vectors = buildDrawVectors();
for (const [name, text] of vectors) {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
}
console.log(`wrote ${vectors.size} files under docs/algorithms/`);
