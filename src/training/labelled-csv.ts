import { readFileSync } from 'node:fs';
import { DatasetError } from './dataset-error';

/** One labelled utterance and the 1-based line of the file where its record starts. */
export interface LabelledExample {
  text: string;
  label: string;
  line: number;
}

export { OUT_OF_SCOPE as OOS_LABEL } from '../nlu/intent-decision';

interface CsvRecord {
  fields: string[];
  line: number;
}

/** RFC 4180 records (quoted fields may hold commas, quotes and newlines) with their start line. */
export function parseCsv(content: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atFieldStart = true;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    fields = [];
    field = '';
    atFieldStart = true;
  };
  for (let i = 0; i < content.length; i++) {
    const ch = content[i];
    if (quoted) {
      if (ch === '"') {
        if (content[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && content[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      atFieldStart = false;
    }
  }
  if (quoted) throw new DatasetError(file, recordLine, 'unterminated quoted field');
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

function decodeUtf8(bytes: Buffer, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first line that does not decode so that the error points at it.
    let line = 1;
    let start = 0;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          decoder.decode(bytes.subarray(start, i));
        } catch {
          throw new DatasetError(file, line, 'not valid UTF-8 (save the file as UTF-8)');
        }
        line++;
        start = i + 1;
      }
    }
    throw new DatasetError(file, undefined, 'not valid UTF-8 (save the file as UTF-8)');
  }
}

/**
 * Reads a `text,label` CSV (header required, extra columns ignored, UTF-8 with or without BOM).
 * Throws {@link DatasetError} naming the file and line on anything a model cannot learn from.
 */
export function readLabelledCsv(
  file: string,
  options: { minClasses?: number } = {},
): LabelledExample[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new DatasetError(
      file,
      undefined,
      `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const content = decodeUtf8(bytes, file).replace(/^\uFEFF/, '');
  const records = parseCsv(content, file);
  if (records.length === 0) throw new DatasetError(file, undefined, 'file is empty');
  const header = records[0].fields.map((name) => name.trim().toLowerCase());
  const textCol = header.indexOf('text');
  const labelCol = header.indexOf('label');
  if (textCol < 0 || labelCol < 0) {
    const missing = [textCol < 0 ? 'text' : '', labelCol < 0 ? 'label' : '']
      .filter(Boolean)
      .join(', ');
    throw new DatasetError(file, 1, `header must have columns text,label (missing: ${missing})`);
  }
  const examples: LabelledExample[] = [];
  for (const record of records.slice(1)) {
    if (record.fields.length <= Math.max(textCol, labelCol)) {
      throw new DatasetError(
        file,
        record.line,
        `expected ${header.length} columns, found ${record.fields.length}`,
      );
    }
    const text = record.fields[textCol];
    const label = record.fields[labelCol].trim();
    if (label === '') throw new DatasetError(file, record.line, 'empty label');
    if (text.trim() === '') throw new DatasetError(file, record.line, 'empty text');
    examples.push({ text, label, line: record.line });
  }
  if (examples.length === 0)
    throw new DatasetError(file, undefined, 'no examples after the header');
  const minClasses = options.minClasses ?? 1;
  const labels = new Set(examples.map((e) => e.label));
  if (labels.size < minClasses) {
    throw new DatasetError(
      file,
      undefined,
      `found ${labels.size} label(s) (${[...labels].slice(0, 3).join(', ')}); training needs at least ${minClasses}`,
    );
  }
  return examples;
}
