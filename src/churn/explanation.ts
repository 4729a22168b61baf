import { FeatureSpec, FeatureValue } from './feature-schema';

/** Plain words for one feature value: "no order for 94 days", "satisfaction score 1 of 5". */
export function describeFeature(spec: FeatureSpec, value: FeatureValue): string {
  const shown = formatValue(spec, value);
  if (shown === undefined) return spec.missingText ?? `${spec.description}: unknown`;
  return spec.valueTexts?.[shown] ?? spec.template.replace(/\{value\}/g, shown);
}

/** The value as a reader sees it (aliases folded, at most two decimals); undefined = unknown. */
export function formatValue(spec: FeatureSpec, value: FeatureValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    return String(Math.round(value * 100) / 100);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  const text = value.trim();
  if (text === '') return undefined;
  if (spec.type === 'numeric') {
    const parsed = Number(text);
    return Number.isFinite(parsed) ? String(Math.round(parsed * 100) / 100) : text;
  }
  return spec.aliases?.[text] ?? text;
}
