import { AtRiskCustomer } from './churn-scoring.service';

/**
 * RFC 4180 cell; a leading = + - @ (or tab/CR) is prefixed with ' so a spreadsheet shows shop
 * data (customer names come from the shop) as text instead of running it as a formula.
 */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADER = [
  'customer_id',
  'external_id',
  'name',
  'email',
  'probability',
  'tier',
  'reasons',
  'scored_at',
];

/** The at-risk list as CSV for managers' win-back campaigns; reasons joined with "; ". */
export function atRiskCsv(rows: AtRiskCustomer[]): string {
  const lines = rows.map((r) =>
    [
      r.customerId,
      r.externalId ?? '',
      r.name ?? '',
      r.email ?? '',
      r.probability.toFixed(4),
      r.tier,
      r.reasons.map((reason) => reason.text).join('; '),
      r.scoredAt,
    ]
      .map(cell)
      .join(','),
  );
  return [HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}
