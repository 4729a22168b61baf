/**
 * An amount as a shopper reads it in their language ("$89.00", "US$89.00"). With
 * `wholeWithoutCents`, whole amounts drop the cents ("under $100").
 */
export function formatMoney(
  amount: number,
  currency: string,
  locale: 'en' | 'zh',
  options: { wholeWithoutCents?: boolean } = {},
): string {
  const digits = options.wholeWithoutCents && Number.isInteger(amount) ? 0 : 2;
  try {
    return new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    }).format(amount);
  } catch {
    // Not an ISO currency code: the plain amount and whatever the shop wrote.
    return `${amount.toFixed(digits)} ${currency}`;
  }
}
