import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONVERSATION_INTENTS,
  SERVICE_INTENTS,
} from '../../retrieval/shipped-templates/shipped-template';
import { LabelledExample, OOS_LABEL, readLabelledCsv } from '../labelled-csv';
import { fingerprint } from '../text-fingerprint';

// Integrity of the team-written shop corpus: the shipped intent model is trained on the first file
// and scored on the second, so a missing intent, a thin language or a leaked test row would make
// the shipped model or its reported metrics wrong without any other test noticing.

const TRAIN_FILE = join(__dirname, 'shop-intents.csv');
const TEST_FILE = join(__dirname, 'shop-intents.test.csv');
const INDEPENDENT_TEST_FILE = join(__dirname, 'shop-intents.independent.test.csv');

// The corpus covers exactly the intents the shop ships templates for (the fallback aside).
const INTENTS: string[] = [...SERVICE_INTENTS, ...CONVERSATION_INTENTS];

type Lang = 'en' | 'zh';

/** Any Han character makes a row Chinese: mixed rows such as "我的order还没到" are typed by Chinese shoppers. */
function lang(text: string): Lang {
  return /\p{Script=Han}/u.test(text) ? 'zh' : 'en';
}

function countBy(examples: LabelledExample[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) {
    const key = `${e.label}/${lang(e.text)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function shortfalls(examples: LabelledExample[], perIntent: number, perOos: number): string[] {
  const counts = countBy(examples);
  const missing: string[] = [];
  for (const label of [...INTENTS, OOS_LABEL]) {
    const needed = label === OOS_LABEL ? perOos : perIntent;
    for (const l of ['en', 'zh'] as const) {
      const have = counts.get(`${label}/${l}`) ?? 0;
      if (have < needed) missing.push(`${label}/${l}: ${have} < ${needed}`);
    }
  }
  return missing;
}

function duplicates(examples: LabelledExample[]): string[] {
  const seen = new Map<string, LabelledExample>();
  const dups: string[] = [];
  for (const e of examples) {
    const key = fingerprint(e.text);
    const first = seen.get(key);
    if (first) dups.push(`line ${e.line} "${e.text}" repeats line ${first.line} "${first.text}"`);
    else seen.set(key, e);
  }
  return dups;
}

describe('shop intent corpus', () => {
  const train = readLabelledCsv(TRAIN_FILE);
  const test = readLabelledCsv(TEST_FILE);
  const independent = readLabelledCsv(INDEPENDENT_TEST_FILE);

  it.each([TRAIN_FILE, TEST_FILE, INDEPENDENT_TEST_FILE])(
    '%s starts with the exact header text,label',
    (file) => {
      expect(readFileSync(file, 'utf8').split('\n', 1)[0]).toBe('text,label');
    },
  );

  it('uses only the shipped intent labels and oos', () => {
    const allowed = new Set([...INTENTS, OOS_LABEL]);
    const unknown = [...train, ...test, ...independent]
      .filter((e) => !allowed.has(e.label))
      .map((e) => `${e.line}: ${e.label}`);
    expect(unknown).toEqual([]);
  });

  it('has at least 35 English and 35 Chinese training rows per intent and 250 of each for oos', () => {
    expect(shortfalls(train, 35, 250)).toEqual([]);
  });

  it('has at least 10 English and 10 Chinese test rows per intent and 60 of each for oos', () => {
    expect(shortfalls(test, 10, 60)).toEqual([]);
  });

  it('has at least 5 English and 5 Chinese independent test rows per intent and 30 of each for oos', () => {
    expect(shortfalls(independent, 5, 30)).toEqual([]);
  });

  it('has no duplicate rows within a file, even ignoring case and punctuation', () => {
    expect(duplicates(train)).toEqual([]);
    expect(duplicates(test)).toEqual([]);
    expect(duplicates(independent)).toEqual([]);
  });

  it('shares no row between any two files, even ignoring case and punctuation', () => {
    const shared = (a: LabelledExample[], b: LabelledExample[]) => {
      const keys = new Set(a.map((e) => fingerprint(e.text)));
      return b.filter((e) => keys.has(fingerprint(e.text))).map((e) => `${e.line}: ${e.text}`);
    };
    expect(shared(train, test)).toEqual([]);
    expect(shared(train, independent)).toEqual([]);
    expect(shared(test, independent)).toEqual([]);
  });
});
