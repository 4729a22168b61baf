import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LabelledExample, parseCsv } from '../../src/training/labelled-csv';
import { bitextSplit } from '../../src/training/shop-preset';

/** One benchmark task: official train/test (and validation where the dataset has one). */
export interface BenchTask {
  name: string;
  train: LabelledExample[];
  /** Official validation split; systems that need one otherwise carve it from train. */
  valid?: LabelledExample[];
  test: LabelledExample[];
  hasOos: boolean;
}

export const TASK_NAMES = ['banking77', 'banking77-10shot', 'clinc150', 'bitext'] as const;
export type TaskName = (typeof TASK_NAMES)[number];

function lines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

/** DialoGLUE-style `seq.in` + `label` line files. */
function lineSplit(dir: string): LabelledExample[] {
  const texts = lines(join(dir, 'seq.in'));
  const labels = lines(join(dir, 'label'));
  return texts.map((text, i) => ({ text, label: labels[i].trim(), line: i + 1 }));
}

/** BANKING77's CSV has a `category` column instead of `label`. */
function banking77Csv(file: string): LabelledExample[] {
  const [header, ...records] = parseCsv(readFileSync(file, 'utf8'), file);
  const textCol = header.fields.indexOf('text');
  const labelCol = header.fields.indexOf('category');
  return records.map((r) => ({ text: r.fields[textCol], label: r.fields[labelCol], line: r.line }));
}

function clinc(datasets: string): {
  train: LabelledExample[];
  valid: LabelledExample[];
  test: LabelledExample[];
} {
  const data = JSON.parse(
    readFileSync(join(datasets, 'clinc150', 'data_full.json'), 'utf8'),
  ) as Record<string, [string, string][]>;
  const rows = (...keys: string[]): LabelledExample[] =>
    keys.flatMap((k) => data[k].map(([text, label], i) => ({ text, label, line: i + 1 })));
  return {
    train: rows('train', 'oos_train'),
    valid: rows('val', 'oos_val'),
    test: rows('test', 'oos_test'),
  };
}

export function loadTask(name: TaskName, datasets: string): BenchTask {
  switch (name) {
    case 'banking77':
      return {
        name,
        train: banking77Csv(join(datasets, 'banking77', 'train.csv')),
        test: banking77Csv(join(datasets, 'banking77', 'test.csv')),
        hasOos: false,
      };
    case 'banking77-10shot': {
      const dir = join(datasets, 'banking77', 'fewshot-split');
      return {
        name,
        train: lineSplit(join(dir, 'train_10')),
        valid: lineSplit(join(dir, 'valid')),
        test: lineSplit(join(dir, 'test')),
        hasOos: false,
      };
    }
    case 'clinc150':
      return { name, ...clinc(datasets), hasOos: true };
    case 'bitext': {
      const { train, test } = bitextSplit(datasets);
      return { name, train, test, hasOos: false };
    }
  }
}
