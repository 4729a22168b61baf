import { ChurnDataset, parseChurnCsv } from '../churn-dataset';
import { CUSTOMER_PROFILE_SCHEMA } from '../customer-profile.schema';
import { SeededRandom } from '../seeded-random';

const CATEGORIES = ['Fashion', 'Grocery', 'Electronics'];

/**
 * Customer-profile CSV text where churn follows a known rule: long since the last order, or
 * complaints together with a low (or missing) satisfaction score; 5 % of labels flipped.
 */
export function syntheticCustomerCsv(rows: number, seed: number): string {
  const random = new SeededRandom(seed);
  const header = ['customerId', 'churned', ...CUSTOMER_PROFILE_SCHEMA.features.map((f) => f.name)];
  const lines = [header.join(',')];
  for (let i = 0; i < rows; i++) {
    const days = random.int(120);
    const complaints = random.next() < 0.3 ? 1 + random.int(4) : 0;
    const satisfaction = random.next() < 0.15 ? null : 1 + random.int(5);
    const lowSatisfaction = satisfaction === null || satisfaction <= 2;
    const risky = days > 80 || (complaints >= 2 && lowSatisfaction);
    const churned = risky !== random.next() < 0.05 ? 1 : 0;
    const values = [
      days,
      random.int(10),
      (random.next() * 500).toFixed(2),
      30 + random.int(900),
      random.int(7) - 3,
      random.int(3),
      complaints,
      random.int(3),
      satisfaction ?? '',
      random.int(60),
      random.int(3),
      random.next() < 0.2 ? '' : random.int(200),
      `"${CATEGORIES[random.int(CATEGORIES.length)]}"`,
    ];
    lines.push([`c${i}`, churned, ...values].join(','));
  }
  return lines.join('\n') + '\n';
}

export function syntheticCustomers(rows: number, seed: number): ChurnDataset {
  return parseChurnCsv(syntheticCustomerCsv(rows, seed), 'synthetic.csv', CUSTOMER_PROFILE_SCHEMA);
}
