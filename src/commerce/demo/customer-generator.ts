import { CustomerRowDto } from '../dto/bulk-rows.dto';
import { PostalAddress } from '../entities/order.entity';
import { DemoRandom } from './demo-random';
import {
  DEMO_COUNTRIES,
  EN_FIRST_NAMES,
  EN_LAST_NAMES,
  STREET_KINDS,
  STREET_WORDS,
  ZH_FIRST_NAMES,
  ZH_LAST_NAMES,
} from './people-words';

/**
 * Latent behaviour that drives a demo customer's order timing. Stored in
 * `customers.attributes.demoSegment` as GROUND TRUTH FOR THE DEMO ONLY (real shops have no such
 * field); churn evaluation on the demo shop may use it, the live model must not read it.
 */
export const DEMO_SEGMENTS = [
  'loyal',
  'growing',
  'declining',
  'churned',
  'new',
  'occasional',
] as const;
export type DemoSegment = (typeof DEMO_SEGMENTS)[number];

/** How many of the 500 demo customers follow each behaviour. */
export const SEGMENT_COUNTS: Record<DemoSegment, number> = {
  loyal: 100,
  growing: 75,
  declining: 75,
  churned: 100,
  new: 50,
  occasional: 100,
};

export interface DemoCustomer {
  row: CustomerRowDto;
  segment: DemoSegment;
  address: PostalAddress;
  /** Days before `now` when they signed up. */
  signedUpDaysAgo: number;
  /** Spending/ordering intensity around 1 (varies customers within a segment). */
  intensity: number;
}

const DAY_MS = 86_400_000;

export function generateCustomers(random: DemoRandom, now: Date): DemoCustomer[] {
  const segments = random.shuffle(
    DEMO_SEGMENTS.flatMap((s) => Array.from({ length: SEGMENT_COUNTS[s] }, () => s)),
  );
  const countryWeights = DEMO_COUNTRIES.map((c) => c.weight);
  return segments.map((segment, i) => {
    const n = i + 1;
    const country = DEMO_COUNTRIES[random.weightedIndex(countryWeights)];
    const zh = random.chance(country.zhShare);
    let firstName: string;
    let lastName: string;
    let local: string;
    if (zh) {
      const [first, firstLatin] = random.pick(ZH_FIRST_NAMES);
      const [last, lastLatin] = random.pick(ZH_LAST_NAMES);
      firstName = first;
      lastName = last;
      local = `${lastLatin}.${firstLatin}`;
    } else {
      firstName = random.pick(EN_FIRST_NAMES);
      lastName = random.pick(EN_LAST_NAMES);
      local = `${firstName}.${lastName}`.toLowerCase();
    }
    const city = random.pick(country.cities);
    const signedUpDaysAgo = segment === 'new' ? random.int(10, 75) : random.int(380, 1100);
    const address: PostalAddress = {
      name: zh ? `${lastName}${firstName}` : `${firstName} ${lastName}`,
      line1: `${random.int(1, 240)} ${random.pick(STREET_WORDS)} ${random.pick(STREET_KINDS)}`,
      city,
      postalCode: String(random.int(10000, 99999)),
      country: country.code,
    };
    const row: CustomerRowDto = {
      externalId: `demo-c-${String(n).padStart(4, '0')}`,
      email: `${local}${n}@example.com`,
      firstName,
      lastName,
      phone: `${country.phonePrefix} ${random.int(100, 999)} ${String(n).padStart(4, '0')}`,
      locale: zh ? 'zh' : 'en',
      country: country.code,
      city,
      signedUpAt: new Date(
        now.getTime() - signedUpDaysAgo * DAY_MS - random.int(0, 86_399) * 1000,
      ).toISOString(),
      attributes: { demo: true, demoSegment: segment },
    };
    return { row, segment, address, signedUpDaysAgo, intensity: Math.exp(0.3 * random.normal()) };
  });
}
