import { ChurnError } from './churn.errors';
import { CustomerFeatures, DatasetSchema, FeatureSpec, FeatureValue } from './feature-schema';

/** One model column: a numeric feature, or one category of a categorical feature (one-hot). */
export interface EncodedColumn {
  feature: string;
  category?: string;
}

interface Slot {
  spec: FeatureSpec;
  /** numeric: its column; categorical: first of its one-hot columns. */
  start: number;
  categories: Map<string, number>;
  width: number;
}

/**
 * Turns customer feature objects into dense rows. Missing values become NaN (in every one-hot
 * column of a categorical) so the trees can learn where unknowns go; an unseen category is all
 * zeros ("none of the known ones").
 */
export class FeatureEncoder {
  readonly width: number;
  private readonly slots: Slot[];

  private constructor(
    readonly schema: DatasetSchema,
    readonly columns: EncodedColumn[],
  ) {
    this.slots = [];
    let col = 0;
    for (const spec of schema.features) {
      const start = col;
      const categories = new Map<string, number>();
      while (col < columns.length && columns[col].feature === spec.name) {
        if (spec.type === 'categorical') categories.set(columns[col].category ?? '', col - start);
        col++;
      }
      const width = col - start;
      if (width === 0 || (spec.type === 'numeric' && width !== 1)) {
        throw new ChurnError('CHURN_MODEL', `encoder columns do not match feature "${spec.name}"`);
      }
      this.slots.push({ spec, start, categories, width });
    }
    if (col !== columns.length) {
      throw new ChurnError('CHURN_MODEL', 'encoder has columns for features not in the schema');
    }
    this.width = columns.length;
  }

  /** Learns the categories present in the training rows (most frequent first). */
  static fit(schema: DatasetSchema, rows: CustomerFeatures[]): FeatureEncoder {
    const columns: EncodedColumn[] = [];
    for (const spec of schema.features) {
      if (spec.type === 'numeric') {
        columns.push({ feature: spec.name });
        continue;
      }
      const counts = new Map<string, number>();
      for (const row of rows) {
        const category = categoryOf(spec, row[spec.name]);
        if (category !== undefined) counts.set(category, (counts.get(category) ?? 0) + 1);
      }
      const ordered = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      if (ordered.length === 0) {
        throw new ChurnError('CHURN_DATA', `categorical feature "${spec.name}" has no values`);
      }
      for (const [category] of ordered) columns.push({ feature: spec.name, category });
    }
    return new FeatureEncoder(schema, columns);
  }

  static restore(schema: DatasetSchema, columns: EncodedColumn[]): FeatureEncoder {
    return new FeatureEncoder(schema, columns);
  }

  /** Index in `schema.features` of the feature that owns each column. */
  featureOfColumn(): Int32Array {
    const owner = new Int32Array(this.width);
    this.slots.forEach((slot, f) => owner.fill(f, slot.start, slot.start + slot.width));
    return owner;
  }

  encodeInto(features: CustomerFeatures, out: Float64Array, offset = 0): void {
    for (const slot of this.slots) {
      const value = features[slot.spec.name];
      const at = offset + slot.start;
      if (slot.spec.type === 'numeric') {
        out[at] = numberOf(slot.spec, value);
        continue;
      }
      const category = categoryOf(slot.spec, value);
      if (category === undefined) {
        out.fill(NaN, at, at + slot.width);
      } else {
        out.fill(0, at, at + slot.width);
        const hit = slot.categories.get(category);
        if (hit !== undefined) out[at + hit] = 1;
      }
    }
  }

  /** Row-major matrix, `rows.length × width`. */
  encodeRows(rows: CustomerFeatures[]): Float64Array {
    const out = new Float64Array(rows.length * this.width);
    rows.forEach((row, r) => this.encodeInto(row, out, r * this.width));
    return out;
  }
}

function numberOf(spec: FeatureSpec, value: FeatureValue): number {
  if (value === null || value === undefined || value === '') return NaN;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) {
    throw new ChurnError('CHURN_DATA', `feature "${spec.name}" must be a number, got "${value}"`);
  }
  return parsed;
}

function categoryOf(spec: FeatureSpec, value: FeatureValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  if (text === '') return undefined;
  return spec.aliases?.[text] ?? text;
}
