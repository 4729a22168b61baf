/**
 * The title a shopper reads in their language. A shop with Chinese titles puts them in the
 * product's `attributes.titleZh`; without one, Chinese shoppers see the shop's own title.
 */
export function productTitle(
  product: { title: string; attributes?: Record<string, unknown> | null },
  locale: 'en' | 'zh',
): string {
  const chinese = product.attributes?.titleZh;
  return locale === 'zh' && typeof chinese === 'string' && chinese.trim() ? chinese : product.title;
}
