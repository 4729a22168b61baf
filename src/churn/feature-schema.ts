import { ChurnError } from './churn.errors';

export type FeatureType = 'numeric' | 'categorical';

/** Domain knowledge about how a feature relates to churn; documentation for readers of reasons. */
export type FeatureDirection = 'higher-is-riskier' | 'lower-is-riskier' | 'mixed';

/** One model input, described well enough to explain a score in plain words. */
export interface FeatureSpec {
  name: string;
  type: FeatureType;
  description: string;
  unit?: string;
  direction?: FeatureDirection;
  /** Plain words for a value; `{value}` is replaced by the (formatted) value. */
  template: string;
  /** Exact-value overrides of the template, e.g. `{ "0": "no complaint last month" }`. */
  valueTexts?: Record<string, string>;
  /** Plain words when the value is unknown. */
  missingText?: string;
  /** Categorical synonyms folded before encoding, e.g. `{ "CC": "Credit Card" }`. */
  aliases?: Record<string, string>;
}

/** A table of customers: which column is the label, which is an id, which are features. */
export interface DatasetSchema {
  name: string;
  labelColumn: string;
  idColumn?: string;
  features: FeatureSpec[];
}

export type FeatureValue = number | string | boolean | null | undefined;

/** One customer's features by name, as a processor or the CSV loader produces them. */
export type CustomerFeatures = Record<string, FeatureValue>;

/** Rejects schemas that would silently train on nonsense (duplicate names, empty templates). */
export function validateSchema(schema: DatasetSchema): DatasetSchema {
  if (!schema || !Array.isArray(schema.features) || schema.features.length === 0) {
    throw new ChurnError('CHURN_SCHEMA', 'schema must list at least one feature');
  }
  if (typeof schema.labelColumn !== 'string' || schema.labelColumn.length === 0) {
    throw new ChurnError('CHURN_SCHEMA', 'schema must name its label column');
  }
  const seen = new Set<string>();
  for (const feature of schema.features) {
    if (!feature.name) throw new ChurnError('CHURN_SCHEMA', 'every feature needs a name');
    if (seen.has(feature.name)) {
      throw new ChurnError('CHURN_SCHEMA', `feature "${feature.name}" is listed twice`);
    }
    seen.add(feature.name);
    if (feature.type !== 'numeric' && feature.type !== 'categorical') {
      throw new ChurnError('CHURN_SCHEMA', `feature "${feature.name}" has unknown type`);
    }
    if (!feature.template) {
      throw new ChurnError(
        'CHURN_SCHEMA',
        `feature "${feature.name}" needs a plain-words template`,
      );
    }
    if (feature.name === schema.labelColumn || feature.name === schema.idColumn) {
      throw new ChurnError('CHURN_SCHEMA', `feature "${feature.name}" is the label or the id`);
    }
  }
  return schema;
}
