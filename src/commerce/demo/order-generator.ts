import { OrderRowDto } from '../dto/bulk-rows.dto';
import { OrderItemDto } from '../dto/order-fields.dto';
import { OrderStatus } from '../entities/order.entity';
import { DemoCustomer, DemoSegment } from './customer-generator';
import { DemoRandom } from './demo-random';
import { DEMO_CARRIERS } from './people-words';
import { ProductRowDto } from '../dto/bulk-rows.dto';

const DAY_MS = 86_400_000;
/** The history covers the last year. */
export const HISTORY_DAYS = 365;

/**
 * Orders per day for a segment at `daysAgo` (0 = now), before the customer's own intensity.
 * These shapes are the churn signal: declining customers slow down and stop, churned ones stopped
 * months ago, growing ones speed up, loyal ones keep a steady rhythm.
 */
function rate(segment: DemoSegment, daysAgo: number, cut: number): number {
  switch (segment) {
    case 'loyal':
      return 1 / 20;
    case 'growing':
      return 1 / 90 + (1 / 12 - 1 / 90) * (1 - daysAgo / HISTORY_DAYS);
    case 'declining':
      // Fades linearly to zero `cut` days ago (45–120 days).
      return daysAgo <= cut ? 0 : (1 / 14) * ((daysAgo - cut) / (HISTORY_DAYS - cut));
    case 'churned':
      // Bought regularly, then stopped `cut` days ago (150–300 days).
      return daysAgo <= cut ? 0 : 1 / 25;
    case 'new':
      return 1 / 20;
    case 'occasional':
      return 1 / 120;
  }
}

const MAX_RATE = 1 / 10;

/** Order times (days ago, descending = oldest first) by thinning a Poisson process. */
function orderTimes(random: DemoRandom, customer: DemoCustomer): number[] {
  const start = Math.min(HISTORY_DAYS, customer.signedUpDaysAgo);
  const cut = customer.segment === 'declining' ? random.between(45, 120) : random.between(150, 300);
  const max = MAX_RATE * customer.intensity;
  const times: number[] = [];
  for (let t = start - random.between(0, 5); t > 0; t -= -Math.log(1 - random.next()) / max) {
    if (random.next() * max < rate(customer.segment, t, cut) * customer.intensity) times.push(t);
  }
  if (times.length === 0) {
    // Everyone bought at least once; place it where their segment would have.
    const latest = customer.segment === 'declining' || customer.segment === 'churned' ? cut : 0;
    times.push(random.between(latest + 1, start));
  }
  return times;
}

/** Product weights per customer: favourite categories and a long tail of bestsellers. */
function productWeights(
  random: DemoRandom,
  products: ProductRowDto[],
  popularity: number[],
): number[] {
  const categories = [...new Set(products.map((p) => p.category!))];
  const favourites = new Set([random.pick(categories), random.pick(categories)]);
  return products.map((p, i) => popularity[i] * (favourites.has(p.category!) ? 6 : 1));
}

function statusAt(
  random: DemoRandom,
  segment: DemoSegment,
  ageDays: number,
  shipAfter: number,
  deliverAfter: number,
): OrderStatus {
  if (ageDays < shipAfter) {
    if (ageDays < 0.15) return 'pending';
    return ageDays < shipAfter / 2 ? 'paid' : 'processing';
  }
  if (ageDays < deliverAfter) return 'shipped';
  const unhappy = segment === 'declining' || segment === 'churned';
  const r = random.next();
  if (ageDays > deliverAfter + 3 && r < (unhappy ? 0.08 : 0.025)) return 'returned';
  if (ageDays > deliverAfter + 3 && r < (unhappy ? 0.14 : 0.045)) return 'refunded';
  return 'delivered';
}

/**
 * Several thousand orders over the last year, numbered in time order (A100001 …). Recent
 * orders are still pending/paid/processing or shipped with an ETA and tracking; older ones are
 * delivered, a few cancelled, returned or refunded (more often for customers about to leave).
 */
export function generateOrders(
  random: DemoRandom,
  now: Date,
  customers: DemoCustomer[],
  products: ProductRowDto[],
): OrderRowDto[] {
  // Bestsellers: a Zipf-like popularity over a shuffled catalogue.
  const rank = random.shuffle(products.map((_, i) => i));
  const popularity = new Array<number>(products.length);
  rank.forEach((productIndex, r) => (popularity[productIndex] = 1 / Math.pow(r + 1, 0.8)));

  const drafts: {
    at: number;
    customer: number;
    row: Omit<OrderRowDto, 'externalId' | 'number'>;
  }[] = [];
  customers.forEach((customer, customerIndex) => {
    const weights = productWeights(random, products, popularity);
    for (const daysAgo of orderTimes(random, customer)) {
      const placed = now.getTime() - daysAgo * DAY_MS;
      const items: OrderItemDto[] = [];
      const lines = Math.min(4, 1 + random.poisson(0.6));
      const used = new Set<number>();
      for (let l = 0; l < lines; l++) {
        const p = random.weightedIndex(weights);
        if (used.has(p)) continue;
        used.add(p);
        const quantity = random.chance(0.8) ? 1 : random.chance(0.75) ? 2 : 3;
        items.push({
          productExternalId: products[p].externalId,
          quantity,
          unitPrice: products[p].price,
        });
      }
      const shipAfter = random.between(0.6, 2);
      const deliverAfter = shipAfter + random.between(2, 6);
      const cancelled = random.chance(0.04);
      const status: OrderStatus = cancelled
        ? 'cancelled'
        : statusAt(random, customer.segment, daysAgo, shipAfter, deliverAfter);
      const shipped = ['shipped', 'delivered', 'returned', 'refunded'].includes(status);
      const carrier = ['CN', 'TW', 'HK'].includes(customer.address.country)
        ? 'sf-express'
        : random.pick(DEMO_CARRIERS.slice(0, 3));
      const iso = (days: number) => new Date(placed + days * DAY_MS).toISOString();
      drafts.push({
        at: placed,
        customer: customerIndex,
        row: {
          customerExternalId: customer.row.externalId,
          status,
          currency: 'USD',
          shippingAddress: { ...customer.address },
          placedAt: new Date(placed).toISOString(),
          ...(cancelled ? { cancelledAt: iso(Math.min(daysAgo, random.between(0.02, 0.5))) } : {}),
          ...(shipped
            ? {
                carrier,
                trackingUrl: `https://track.example.com/${carrier}/${random.int(100000000, 999999999)}`,
                shippedAt: iso(shipAfter),
                eta: iso(deliverAfter).slice(0, 10),
              }
            : {}),
          ...(shipped && status !== 'shipped' ? { deliveredAt: iso(deliverAfter) } : {}),
          items,
        },
      });
    }
  });
  drafts.sort((a, b) => a.at - b.at || a.customer - b.customer);
  return drafts.map((d, i) => {
    const number = `A${100001 + i}`;
    return { externalId: `demo-o-${number}`, number, ...d.row };
  });
}
