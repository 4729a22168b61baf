import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from './dataset-error';
import { LabelledExample, parseCsv, readLabelledCsv } from './labelled-csv';
import { stratifiedSplit } from './intent-trainer';

/** Seed of the fixed Bitext held-out split; never change it, or metrics stop being comparable. */
export const BITEXT_SPLIT_SEED = 42;
export const BITEXT_TEST_FRACTION = 0.15;
export const BITEXT_FILE =
  'bitext-customer-support/Bitext_Sample_Customer_Support_Training_Dataset.csv';
export const SHOP_CORPUS = 'src/training/corpus/shop-intents.csv';
export const SHOP_CORPUS_TEST = 'src/training/corpus/shop-intents.test.csv';
/** Held-out messages by writers who never saw the corpus (see the corpus README). */
export const SHOP_INDEPENDENT_TEST = 'src/training/corpus/shop-intents.independent.test.csv';

/** Bitext customer-support rows as `instruction` → `intent` examples. */
export function readBitext(file: string): LabelledExample[] {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new DatasetError(
      file,
      undefined,
      `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const [header, ...records] = parseCsv(content, file);
  const textCol = header?.fields.indexOf('instruction') ?? -1;
  const labelCol = header?.fields.indexOf('intent') ?? -1;
  if (textCol < 0 || labelCol < 0)
    throw new DatasetError(file, 1, 'expected columns instruction and intent');
  return records
    .filter((r) => r.fields[textCol]?.trim() && r.fields[labelCol]?.trim())
    .map((r) => ({ text: r.fields[textCol], label: r.fields[labelCol].trim(), line: r.line }));
}

/** The fixed seeded Bitext split: the same held-out rows for training, model card and benchmark. */
export function bitextSplit(datasetsDir: string): {
  train: LabelledExample[];
  test: LabelledExample[];
} {
  const all = readBitext(join(datasetsDir, BITEXT_FILE));
  const { train, valid } = stratifiedSplit(all, BITEXT_TEST_FRACTION, BITEXT_SPLIT_SEED);
  return { train, test: valid };
}

/** Training data of the shipped model and its three held-out sets. */
export function shopPresetData(
  datasetsDir: string,
  repoRoot: string,
): {
  train: LabelledExample[];
  bitextTest: LabelledExample[];
  teamTest: LabelledExample[];
  independentTest: LabelledExample[];
} {
  const bitext = bitextSplit(datasetsDir);
  const corpus = readLabelledCsv(join(repoRoot, SHOP_CORPUS), { minClasses: 2 });
  const teamTest = readLabelledCsv(join(repoRoot, SHOP_CORPUS_TEST));
  const independentTest = readLabelledCsv(join(repoRoot, SHOP_INDEPENDENT_TEST));
  return {
    train: [...bitext.train, ...corpus],
    bitextTest: bitext.test,
    teamTest,
    independentTest,
  };
}
