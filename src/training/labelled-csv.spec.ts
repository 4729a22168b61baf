import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from './dataset-error';
import { readLabelledCsv } from './labelled-csv';

const dir = mkdtempSync(join(tmpdir(), 'labelled-csv-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function errorOf(fn: () => unknown): DatasetError {
  try {
    fn();
  } catch (error) {
    return error as DatasetError;
  }
  throw new Error('expected an error');
}

describe('readLabelledCsv', () => {
  it('reads quoted fields with commas, quotes and newlines, and reports record start lines', () => {
    const path = file(
      'ok.csv',
      '\uFEFFtext,label\n"hi, ""you""",greeting\n"two\nlines",oos\nbye,goodbye\n',
    );
    expect(readLabelledCsv(path)).toEqual([
      { text: 'hi, "you"', label: 'greeting', line: 2 },
      { text: 'two\nlines', label: 'oos', line: 3 },
      { text: 'bye', label: 'goodbye', line: 5 },
    ]);
  });

  it('names the file and line of a missing column', () => {
    const path = file('nolabel.csv', 'text,intent\nhello,greeting\n');
    const error = errorOf(() => readLabelledCsv(path));
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.message).toBe(`${path}:1: header must have columns text,label (missing: label)`);
  });

  it('names the line of an empty label and of a short row', () => {
    const empty = file('empty.csv', 'text,label\nhello,greeting\nbye, \n');
    expect(errorOf(() => readLabelledCsv(empty)).message).toBe(`${empty}:3: empty label`);
    const short = file('short.csv', 'text,label\nhello\n');
    expect(errorOf(() => readLabelledCsv(short)).message).toContain(
      `${short}:2: expected 2 columns`,
    );
  });

  it('refuses a single class for training', () => {
    const path = file('single.csv', 'text,label\nhello,greeting\nhi,greeting\n');
    expect(errorOf(() => readLabelledCsv(path, { minClasses: 2 })).message).toMatch(
      /single\.csv: found 1 label\(s\) \(greeting\); training needs at least 2/,
    );
  });

  it('names the first line that is not UTF-8', () => {
    const path = file(
      'latin1.csv',
      Buffer.concat([
        Buffer.from('text,label\nok,a\ncaf'),
        Buffer.from([0xe9]),
        Buffer.from(',b\n'),
      ]),
    );
    expect(errorOf(() => readLabelledCsv(path)).message).toBe(
      `${path}:3: not valid UTF-8 (save the file as UTF-8)`,
    );
  });

  it('reports an unterminated quote and a missing file', () => {
    const path = file('quote.csv', 'text,label\n"open,a\n');
    expect(errorOf(() => readLabelledCsv(path)).message).toBe(
      `${path}:2: unterminated quoted field`,
    );
    expect(errorOf(() => readLabelledCsv(join(dir, 'nope.csv'))).message).toContain(
      'nope.csv: cannot read file (ENOENT)',
    );
  });
});
