import { DemoShop } from '../../commerce/demo/demo-shop';
import { OrderRowDto } from '../../commerce/dto/bulk-rows.dto';
import { buildDemoChurnTable } from './demo-churn-dataset';

const NOW = new Date('2026-01-01T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString();

function order(customer: string, placedDaysAgo: number, extra: Partial<OrderRowDto> = {}) {
  return {
    externalId: `o-${customer}-${placedDaysAgo}`,
    number: `N${placedDaysAgo}`,
    customerExternalId: customer,
    status: 'delivered',
    currency: 'USD',
    placedAt: daysAgo(placedDaysAgo),
    items: [{ productExternalId: 'p1', quantity: 2, unitPrice: 10 }],
    ...extra,
  } as OrderRowDto;
}

function shop(orders: OrderRowDto[]): DemoShop {
  return {
    products: [],
    customers: [
      { externalId: 'c1', signedUpAt: daysAgo(400), attributes: { demoSegment: 'loyal' } },
      { externalId: 'c2', signedUpAt: daysAgo(400), attributes: { demoSegment: 'churned' } },
    ] as DemoShop['customers'],
    orders,
  };
}

describe('demo churn table', () => {
  it('takes features from before the cut-off and the label from the 90 days after it', () => {
    const base = [order('c1', 130), order('c1', 100), order('c2', 150)];
    const table = buildDemoChurnTable(shop(base), NOW, [90]);
    expect(table.customers).toEqual(['c1', 'c2']);
    expect(table.rows[0]).toEqual({
      daysSinceLastOrder: 10,
      ordersLast90Days: 2,
      spendLast90Days: 40,
      tenureDays: 310,
      orderTrend: 2,
      returnsLast90Days: 0,
    });
    expect(Array.from(table.labels)).toEqual([1, 1]);

    // An order after the cut-off flips the label and leaves every feature as it was.
    const later = buildDemoChurnTable(shop([...base, order('c1', 30)]), NOW, [90]);
    expect(later.rows[0]).toEqual(table.rows[0]);
    expect(Array.from(later.labels)).toEqual([0, 1]);
  });

  it('counts a return only once it was settled before the cut-off', () => {
    const returned = (deliveredDaysAgo: number) =>
      order('c1', 120, { status: 'returned', deliveredAt: daysAgo(deliveredDaysAgo) });
    const settled = buildDemoChurnTable(shop([returned(110)]), NOW, [90]);
    expect(settled.rows[0]).toMatchObject({ returnsLast90Days: 1, spendLast90Days: 0 });
    const unsettled = buildDemoChurnTable(shop([returned(93)]), NOW, [90]);
    expect(unsettled.rows[0]).toMatchObject({ returnsLast90Days: 0, spendLast90Days: 20 });
  });

  it('leaves out customers with no order before the cut-off', () => {
    const table = buildDemoChurnTable(shop([order('c1', 50)]), NOW, [90]);
    expect(table.rows).toHaveLength(0);
  });
});
