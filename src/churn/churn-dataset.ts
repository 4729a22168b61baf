import { readFileSync } from 'node:fs';
import { ChurnError } from './churn.errors';
import { parseCsv } from './csv-parser';
import { CustomerFeatures, DatasetSchema, validateSchema } from './feature-schema';

/** Labelled customers read from a CSV file, one entry per data row. */
export interface ChurnDataset {
  schema: DatasetSchema;
  rows: CustomerFeatures[];
  labels: Uint8Array;
  /** CSV line of each row, so later checks can still point at the file. */
  lines: number[];
  /** Label + feature cells as written; equal keys are duplicate customers (id ignored). */
  rowKeys: string[];
}

const MISSING = new Set(['', 'na', 'nan', 'null', 'none']);
const LABELS: Record<string, number> = { '0': 0, '1': 1, false: 0, true: 1, no: 0, yes: 1 };

export function loadChurnCsv(path: string, schema: DatasetSchema): ChurnDataset {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ChurnError('CHURN_CSV', `${path}: cannot read (${(error as Error).message})`);
  }
  return parseChurnCsv(text, path, schema);
}

export function parseChurnCsv(text: string, source: string, schema: DatasetSchema): ChurnDataset {
  validateSchema(schema);
  const { header, records } = parseCsv(text, source);
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new ChurnError('CHURN_CSV', `${source}:1: missing column "${name}"`);
    return index;
  };
  const labelIndex = column(schema.labelColumn);
  const featureIndex = schema.features.map((f) => column(f.name));
  if (records.length === 0) throw new ChurnError('CHURN_CSV', `${source}: no data rows`);

  const rows: CustomerFeatures[] = [];
  const labels = new Uint8Array(records.length);
  const lines: number[] = [];
  const rowKeys: string[] = [];
  records.forEach((record, r) => {
    const where = `${source}:${record.line}`;
    const rawLabel = record.fields[labelIndex].trim().toLowerCase();
    const label = LABELS[rawLabel];
    if (label === undefined) {
      throw new ChurnError(
        'CHURN_CSV',
        `${where}: label "${schema.labelColumn}" must be 0 or 1, found "${rawLabel}"`,
      );
    }
    labels[r] = label;
    const row: CustomerFeatures = {};
    const cells: string[] = [String(label)];
    schema.features.forEach((feature, f) => {
      const raw = record.fields[featureIndex[f]].trim();
      cells.push(raw);
      if (MISSING.has(raw.toLowerCase())) {
        row[feature.name] = null;
      } else if (feature.type === 'numeric') {
        const value = Number(raw);
        if (!Number.isFinite(value)) {
          throw new ChurnError(
            'CHURN_CSV',
            `${where}: "${feature.name}" is not a number: "${raw}"`,
          );
        }
        row[feature.name] = value;
      } else {
        row[feature.name] = raw;
      }
    });
    rows.push(row);
    lines.push(record.line);
    rowKeys.push(cells.join('\u0001'));
  });
  return { schema, rows, labels, lines, rowKeys };
}

/** The rows at `indices`, in that order. */
export function subsetDataset(dataset: ChurnDataset, indices: ArrayLike<number>): ChurnDataset {
  const pick = <T>(items: T[]): T[] => Array.from(indices, (i) => items[i]);
  return {
    schema: dataset.schema,
    rows: pick(dataset.rows),
    labels: Uint8Array.from(indices, (i) => dataset.labels[i]),
    lines: pick(dataset.lines),
    rowKeys: pick(dataset.rowKeys),
  };
}
