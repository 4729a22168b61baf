/**
 * How well the shipped intent model understands misspelt messages, with and without the
 * spelling correction the served model applies (src/nlu/spelling.ts).
 *
 *   npm run bench:typos [-- --model models/intent --out bench/results --seeds 3]
 *
 * Test rows: the team's held-out test set and the independent writers' test set (English rows,
 * out-of-scope ones included; neither is trained on). Each row gets one typo in one word of four
 * or more letters — a letter dropped, two swapped, one doubled, or one replaced by a neighbouring
 * key — chosen by a seeded generator, so every run perturbs the same way. Accuracy counts an
 * in-scope row right when its intent is predicted and an `oos` row right when it is declined.
 * Writes bench/results/typos.{json,md}.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from '../../src/cli/parse-args';
import { IntentModel } from '../../src/nlu/intent-model';
import { SpellingCorrector } from '../../src/nlu/spelling';
import { Featurizer } from '../../src/nlu/featurizer';
import { INTENT_MODEL_FILES } from '../../src/nlu/intent-model-files';
import { readLabelledCsv, OOS_LABEL } from '../../src/training/labelled-csv';
import { SeededRandom } from '../../src/training/seeded-random';
import { latencyMicros, quantile, round } from './bench-stats';

const TEST_SETS = [
  'src/training/corpus/shop-intents.test.csv',
  'src/training/corpus/shop-intents.independent.test.csv',
];
const HAN = /\p{Script=Han}/u;
/** QWERTY neighbours, for a key hit next to the intended one. */
const NEIGHBOURS: Record<string, string> = {
  q: 'wa',
  w: 'qes',
  e: 'wrd',
  r: 'etf',
  t: 'ryg',
  y: 'tuh',
  u: 'yij',
  i: 'uok',
  o: 'ipl',
  p: 'ol',
  a: 'qsz',
  s: 'adw',
  d: 'sfe',
  f: 'dgr',
  g: 'fht',
  h: 'gjy',
  j: 'hku',
  k: 'jli',
  l: 'ko',
  z: 'ax',
  x: 'zc',
  c: 'xv',
  v: 'cb',
  b: 'vn',
  n: 'bm',
  m: 'n',
};

/** The text with one typo in one word of 4+ letters (not its first letter); null if none fits. */
export function withTypo(text: string, random: SeededRandom): string | null {
  const words = [...text.matchAll(/(?<![A-Za-z'])[A-Za-z]{4,}(?![A-Za-z'])/g)];
  if (words.length === 0) return null;
  const match = words[Math.floor(random.next() * words.length)];
  const word = match[0];
  const at = 1 + Math.floor(random.next() * (word.length - 1));
  let typo: string;
  switch (Math.floor(random.next() * 4)) {
    case 0:
      typo = word.slice(0, at) + word.slice(at + 1);
      break;
    case 1:
      typo =
        at < word.length - 1
          ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
          : word.slice(0, at - 1) + word[at] + word[at - 1];
      break;
    case 2:
      typo = word.slice(0, at) + word[at] + word.slice(at);
      break;
    default: {
      const near = NEIGHBOURS[word[at].toLowerCase()] ?? 'e';
      typo = word.slice(0, at) + near[Math.floor(random.next() * near.length)] + word.slice(at + 1);
    }
  }
  return text.slice(0, match.index) + typo + text.slice(match.index! + word.length);
}

interface Score {
  accuracy: number;
  /** In-scope rows the model declined as out of scope. */
  inScopeDeclined: number;
}

async function score(model: IntentModel, rows: { text: string; label: string }[]): Promise<Score> {
  let right = 0;
  let declined = 0;
  let inScope = 0;
  for (const row of rows) {
    const p = await model.predict(row.text);
    if (row.label === OOS_LABEL ? p.outOfScope : !p.outOfScope && p.intent === row.label) right++;
    if (row.label !== OOS_LABEL) {
      inScope++;
      if (p.outOfScope) declined++;
    }
  }
  return { accuracy: round(right / rows.length), inScopeDeclined: round(declined / inScope) };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const modelDir = typeof args.options.model === 'string' ? args.options.model : 'models/intent';
  const outDir = typeof args.options.out === 'string' ? args.options.out : 'bench/results';
  const seeds = Number(args.options.seeds ?? 3);
  const rows = TEST_SETS.flatMap((file) => readLabelledCsv(file)).filter((r) => !HAN.test(r.text));

  const plain = await IntentModel.load(modelDir, { correctSpelling: false });
  const corrected = await IntentModel.load(modelDir, { correctSpelling: true });
  const clean = { plain: await score(plain, rows), corrected: await score(corrected, rows) };
  const perSeed: { seed: number; rows: number; plain: Score; corrected: Score }[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const random = new SeededRandom(seed);
    const noisy = rows.flatMap((r) => {
      const text = withTypo(r.text, random);
      return text ? [{ text, label: r.label }] : [];
    });
    perSeed.push({
      seed,
      rows: noisy.length,
      plain: await score(plain, noisy),
      corrected: await score(corrected, noisy),
    });
  }
  const median = (pick: (s: (typeof perSeed)[number]) => number) =>
    quantile(perSeed.map(pick), 0.5);
  const typo = {
    plain: {
      accuracy: median((s) => s.plain.accuracy),
      inScopeDeclined: median((s) => s.plain.inScopeDeclined),
    },
    corrected: {
      accuracy: median((s) => s.corrected.accuracy),
      inScopeDeclined: median((s) => s.corrected.inScopeDeclined),
    },
  };

  const featurizer = Featurizer.fromJSON(
    JSON.parse(readFileSync(join(modelDir, INTENT_MODEL_FILES.featurizer), 'utf8')),
  );
  const started = performance.now();
  const corrector = SpellingCorrector.forVocabulary(featurizer.config);
  const buildMs = round(performance.now() - started, 0);
  const correctMicros = latencyMicros(
    rows.map((r) => r.text),
    (text) => corrector.correct(text),
  );
  await plain.close();
  await corrected.close();

  const result = {
    run: new Date().toISOString(),
    model: modelDir,
    rows: rows.length,
    seeds,
    clean,
    typo,
    perSeed,
    correctorBuildMs: buildMs,
    correctMicros,
  };
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'typos.json'), JSON.stringify(result, null, 2) + '\n');
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const md = [
    '# Misspelt messages — shipped intent model',
    '',
    `Run ${result.run} (\`npm run bench:typos\`). ${rows.length} English rows of the team and independent`,
    'held-out test sets (out-of-scope rows included); each perturbed with one typo in one word of 4+',
    `letters (dropped, swapped, doubled or neighbouring-key letter), ${seeds} seeded perturbations, median shown.`,
    'Baseline in the same run: the same model without spelling correction.',
    '',
    '| messages | correction | accuracy | in-scope declined as out of scope |',
    '|---|---|---|---|',
    `| as written | off | ${pct(clean.plain.accuracy)} | ${pct(clean.plain.inScopeDeclined)} |`,
    `| as written | on | ${pct(clean.corrected.accuracy)} | ${pct(clean.corrected.inScopeDeclined)} |`,
    `| one typo | off | ${pct(typo.plain.accuracy)} | ${pct(typo.plain.inScopeDeclined)} |`,
    `| one typo | on | ${pct(typo.corrected.accuracy)} | ${pct(typo.corrected.inScopeDeclined)} |`,
    '',
    `Per seed (off → on): ${perSeed.map((s) => `${pct(s.plain.accuracy)} → ${pct(s.corrected.accuracy)}`).join(', ')}.`,
    '',
    `Correction cost: building the corrector ${buildMs} ms at model load; correcting one message`,
    `p50 ${correctMicros.p50} µs, p99 ${correctMicros.p99} µs.`,
    '',
  ].join('\n');
  writeFileSync(join(outDir, 'typos.md'), md);
  process.stdout.write(md);
}

void main();
