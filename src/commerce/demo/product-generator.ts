import { ProductRowDto } from '../dto/bulk-rows.dto';
import { DEMO_BRANDS, DEMO_CATEGORIES, DEMO_COLORS } from './catalog-words';
import { DemoRandom } from './demo-random';

/** Products per category: 10 categories × 24 = 240 products. */
export const PRODUCTS_PER_CATEGORY = 24;

/** A placeholder picture as an inline SVG data URL (no files to serve, no third-party images). */
export function placeholderImage(hue: number, label: string): string {
  const initials = label
    .split(/[\s-]+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 3)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="240" viewBox="0 0 240 240">` +
    `<rect width="240" height="240" fill="hsl(${hue},45%,88%)"/>` +
    `<circle cx="120" cy="104" r="62" fill="hsl(${hue},40%,62%)"/>` +
    `<text x="120" y="122" font-family="sans-serif" font-size="48" text-anchor="middle" fill="#fff">${initials}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

export function generateProducts(random: DemoRandom): ProductRowDto[] {
  const products: ProductRowDto[] = [];
  for (const category of DEMO_CATEGORIES) {
    const titles = new Set<string>();
    for (let i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
      let title: string;
      let noun: (typeof category.nouns)[number];
      let brand: string;
      let adjective: string;
      do {
        noun = random.pick(category.nouns);
        brand = random.pick(DEMO_BRANDS);
        adjective = random.pick(category.adjectives);
        title = `${brand} ${adjective} ${noun.en}`;
      } while (titles.has(title));
      titles.add(title);
      const color = random.pick(DEMO_COLORS);
      const [low, high] = noun.price;
      // Shop-like prices: whole amounts ending in .99 or .00.
      const price = Math.floor(random.between(low, high)) + (random.chance(0.7) ? 0.99 : 0);
      const sku = `${category.skuPrefix}-${String(products.length + 1).padStart(4, '0')}`;
      products.push({
        externalId: `demo-p-${String(products.length + 1).padStart(4, '0')}`,
        sku,
        title,
        description:
          `The ${brand} ${adjective.toLowerCase()} ${noun.en.toLowerCase()} in ${color}. ` +
          `Part of our ${category.label.en.toLowerCase()} range; free returns within 30 days.`,
        category: category.slug,
        price,
        currency: 'USD',
        imageUrl: placeholderImage(category.hue, noun.en),
        url: `/shop/products/${sku.toLowerCase()}`,
        stock: random.chance(0.06) ? 0 : random.int(3, 240),
        active: !random.chance(0.03),
        attributes: {
          demo: true,
          brand,
          color,
          titleZh: `${brand} ${noun.zh}`,
          categoryLabel: category.label,
        },
      });
    }
  }
  return products;
}
