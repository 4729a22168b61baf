import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadChurnCsv, parseChurnCsv } from './churn-dataset';
import { ChurnError } from './churn.errors';
import { CUSTOMER_PROFILE_SCHEMA } from './customer-profile.schema';
import { distinctRowIndices, stratifiedFolds, stratifiedSplit } from './dataset-split';
import { DatasetSchema } from './feature-schema';

const schema: DatasetSchema = {
  name: 'tiny',
  labelColumn: 'Churn',
  idColumn: 'Id',
  features: [
    { name: 'Days', type: 'numeric', description: 'days', template: '{value} days' },
    { name: 'Pay', type: 'categorical', description: 'payment', template: 'pays by {value}' },
  ],
};

function errorOf(fn: () => unknown): ChurnError {
  try {
    fn();
  } catch (error) {
    return error as ChurnError;
  }
  throw new Error('expected an error');
}

describe('churn CSV loading', () => {
  it('reads quoted fields, CRLF line ends and empty cells as missing', () => {
    const csv = 'Id,Churn,Days,Pay\r\n1,1,,"Card, debit"\r\n2,0,4.5,UPI\r\n';
    const data = parseChurnCsv(csv, 'ok.csv', schema);
    expect(data.rows).toEqual([
      { Days: null, Pay: 'Card, debit' },
      { Days: 4.5, Pay: 'UPI' },
    ]);
    expect(Array.from(data.labels)).toEqual([1, 0]);
  });

  it.each([
    ['Id,Churn,Days,Pay\n1,1,3,UPI\n2,0,x7,UPI\n', 'bad.csv:3: "Days" is not a number: "x7"'],
    ['Id,Churn,Days,Pay\n1,1,3\n', 'bad.csv:2: expected 4 fields, found 3'],
    [
      'Id,Churn,Days,Pay\n1,maybe,3,UPI\n',
      'bad.csv:2: label "Churn" must be 0 or 1, found "maybe"',
    ],
    ['Id,Churn,Pay\n1,1,UPI\n', 'bad.csv:1: missing column "Days"'],
    ['Id,Churn,Days,Pay\n1,1,3,"UPI\n2,0,1,UPI\n', 'bad.csv:2: quoted field is never closed'],
    ['', 'bad.csv: file is empty'],
  ])('reports the file and line of a bad CSV (%#)', (csv, message) => {
    const error = errorOf(() => parseChurnCsv(csv, 'bad.csv', schema));
    expect(error).toBeInstanceOf(ChurnError);
    expect(error.code).toBe('CHURN_CSV');
    expect(error.message).toBe(message);
  });

  it('names an unreadable file', () => {
    const error = errorOf(() => loadChurnCsv('/nonexistent/churn.csv', schema));
    expect(error.message).toContain('/nonexistent/churn.csv: cannot read');
  });

  it('loads the live customer-profile schema from a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'churn-csv-'));
    const path = join(dir, 'profiles.csv');
    const header = [
      'customerId',
      'churned',
      ...CUSTOMER_PROFILE_SCHEMA.features.map((f) => f.name),
    ];
    const row = [
      'c1',
      '0',
      '94',
      '0',
      '0',
      '400',
      '-2',
      '1',
      '3',
      '1',
      '1',
      '80',
      '2',
      '5',
      'Fashion',
    ];
    writeFileSync(path, `${header.join(',')}\n${row.join(',')}\n`);
    const data = loadChurnCsv(path, CUSTOMER_PROFILE_SCHEMA);
    expect(data.rows[0].daysSinceLastOrder).toBe(94);
    expect(data.rows[0].preferredCategory).toBe('Fashion');
  });
});

describe('deduplication and splitting', () => {
  it('drops rows identical but for the id, keeping the first', () => {
    const csv = 'Id,Churn,Days,Pay\n1,1,3,UPI\n2,1,3,UPI\n3,0,3,UPI\n4,1,3,COD\n';
    const data = parseChurnCsv(csv, 'dup.csv', schema);
    expect(distinctRowIndices(data.rowKeys)).toEqual([0, 2, 3]);
  });

  it('keeps the churn rate on both sides of a seeded split and is reproducible', () => {
    const labels = Array.from({ length: 1000 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const a = stratifiedSplit(labels, 0.2, 7);
    const b = stratifiedSplit(labels, 0.2, 7);
    expect(a).toEqual(b);
    expect(a.test).toHaveLength(200);
    expect(a.test.filter((i) => labels[i] === 1)).toHaveLength(40);
    expect(new Set([...a.train, ...a.test]).size).toBe(1000);
  });

  it('keeps rows of one group on the same side of every split and fold', () => {
    const labels = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const groups = labels.map((label, i) => `${label}-${Math.floor(i / 6)}`);
    const sideOf = (part: number[]) => new Set(part.map((i) => groups[i]));
    const split = stratifiedSplit(labels, 0.2, 3, groups);
    const trainGroups = sideOf(split.train);
    expect([...sideOf(split.test)].some((g) => trainGroups.has(g))).toBe(false);
    for (const fold of stratifiedFolds(labels, 5, 3, groups)) {
      const fitted = sideOf(fold.train);
      expect([...sideOf(fold.test)].some((g) => fitted.has(g))).toBe(false);
    }
  });
});
