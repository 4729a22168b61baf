import { productTitle } from './product-title';

describe('productTitle', () => {
  it('gives Chinese shoppers attributes.titleZh when the shop has one, the title otherwise', () => {
    const mug = { title: 'Stoneware Mug', attributes: { titleZh: '陶瓷马克杯' } };
    expect(productTitle(mug, 'zh')).toBe('陶瓷马克杯');
    expect(productTitle(mug, 'en')).toBe('Stoneware Mug');
    expect(productTitle({ title: 'Mug', attributes: { titleZh: '  ' } }, 'zh')).toBe('Mug');
    expect(productTitle({ title: 'Mug', attributes: { titleZh: 42 } }, 'zh')).toBe('Mug');
    expect(productTitle({ title: 'Mug', attributes: null }, 'zh')).toBe('Mug');
  });
});
