// Writes generated statements and their truth files to a folder, for the scorer:
//   node test/generator/dump.ts --seed 1 --count 50 --out /tmp/gen [--scanned 5] [--layout line-printer] [--hidden]
// `--scanned N` rasterises every Nth statement (no text layer); `--layout NAME` draws all in one layout;
// `--hidden` prints them in a nonsense language (hidden.ts). Same seed, same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { serializeTruth } from '../fixtures/truth.ts';
import { renderStatement } from './render.ts';
import { generateStatement } from './statement.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '50' },
    out: { type: 'string' },
    scanned: { type: 'string', default: '0' },
    layout: { type: 'string' },
    hidden: { type: 'boolean', default: false },
  },
});
if (!values.out) {
  process.stderr.write('usage: node test/generator/dump.ts --seed N --count N --out DIR [--scanned N]\n');
  process.exit(2);
}
const seed = Number(values.seed);
const count = Number(values.count);
const every = Number(values.scanned);
mkdirSync(values.out, { recursive: true });
for (let i = 0; i < count; i++) {
  const g = generateStatement(seed, i, {
    kind: every > 0 && i % every === every - 1 ? 'scanned' : 'text',
    ...(values.layout ? { layout: values.layout } : {}),
    hidden: values.hidden,
  });
  const { bytes } = await renderStatement(g);
  writeFileSync(path.join(values.out, `${g.name}.pdf`), bytes);
  writeFileSync(path.join(values.out, `${g.name}.json`), serializeTruth(g.truth));
}
process.stdout.write(`wrote ${count} statements to ${values.out}\n`);
