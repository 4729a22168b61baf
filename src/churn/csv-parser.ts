import { ChurnError } from './churn.errors';

export interface CsvRecord {
  /** 1-based line number where the record starts, for error messages. */
  line: number;
  fields: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, optional BOM). `source` names the
 * file in errors so that a bad row is reported as `file:line: what is wrong`.
 */
export function parseCsv(text: string, source: string): CsvTable {
  const rows: CsvRecord[] = [];
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let quoteLine = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) rows.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field.length > 0) {
        throw new ChurnError('CHURN_CSV', `${source}:${line}: unexpected quote inside a field`);
      }
      quoted = true;
      quoteLine = line;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
    }
  }
  if (quoted) {
    throw new ChurnError('CHURN_CSV', `${source}:${quoteLine}: quoted field is never closed`);
  }
  if (field.length > 0 || fields.length > 0) endRecord();
  if (rows.length === 0) throw new ChurnError('CHURN_CSV', `${source}: file is empty`);
  const [head, ...records] = rows;
  const header = head.fields.map((h) => h.trim());
  for (const record of records) {
    if (record.fields.length !== header.length) {
      throw new ChurnError(
        'CHURN_CSV',
        `${source}:${record.line}: expected ${header.length} fields, found ${record.fields.length}`,
      );
    }
  }
  return { header, records };
}
