import { atRiskCsv } from './at-risk-csv';
import { AtRiskCustomer } from './churn-scoring.service';

const row = (overrides: Partial<AtRiskCustomer>): AtRiskCustomer => ({
  customerId: 'id-1',
  probability: 0.91234,
  tier: 'high',
  modelVersion: 'm',
  reasons: [
    { feature: 'daysSinceLastOrder', value: 94, contribution: 1.2, text: 'no order for 94 days' },
    { feature: 'returnsLast90Days', value: 2, contribution: 0.3, text: '2 returns, "late"' },
  ],
  scoredAt: '2026-01-01T00:00:00.000Z',
  externalId: 'c-1',
  email: 'a@example.com',
  name: 'Ann',
  ...overrides,
});

describe('at-risk CSV', () => {
  it('writes one quoted-where-needed line per customer with reasons in plain words', () => {
    const lines = atRiskCsv([row({})]).split('\r\n');
    expect(lines[0]).toBe('customer_id,external_id,name,email,probability,tier,reasons,scored_at');
    expect(lines[1]).toBe(
      'id-1,c-1,Ann,a@example.com,0.9123,high,"no order for 94 days; 2 returns, ""late""",2026-01-01T00:00:00.000Z',
    );
    expect(lines[2]).toBe('');
  });

  it('keeps spreadsheet formulas in shop data as text', () => {
    const line = atRiskCsv([row({ name: '=cmd|" /C calc"!A0', email: '+1', reasons: [] })]).split(
      '\r\n',
    )[1];
    expect(line).toContain(`"'=cmd|"" /C calc""!A0",'+1,`);
  });
});
