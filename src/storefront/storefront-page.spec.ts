import { renderProductPage, renderStorefront } from './storefront-page';

const product = {
  title: 'Trail running shoes',
  price: 89,
  currency: 'USD',
  category: 'Shoes',
  imageUrl: 'data:image/svg+xml,%3Csvg%3E%3C/svg%3E',
  url: 'https://shop.example/p/1',
};

describe('renderStorefront', () => {
  it('lists products with price, category, image and link, and embeds the widget once', () => {
    const html = renderStorefront({
      locale: 'en',
      shopName: 'Test Shop',
      products: [product],
      categories: [{ category: 'Shoes', productCount: 3 }],
    });
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h3>Trail running shoes</h3>');
    expect(html).toContain('$89.00');
    expect(html).toContain('<title>Test Shop — demo store</title>');
    expect(html).toContain('href="https://shop.example/p/1"');
    expect(html.match(/<script src="\/widget\.js"/g)).toHaveLength(1);
  });

  it('escapes catalogue text and drops script URLs', () => {
    const html = renderStorefront({
      locale: 'en',
      shopName: 'Test Shop',
      products: [
        {
          ...product,
          title: '<img src=x onerror=alert(1)>',
          category: '"><script>alert(2)</script>',
          url: 'javascript:alert(3)',
          imageUrl: 'javascript:alert(4)',
        },
      ],
      categories: [],
    });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('javascript:');
    expect(
      renderStorefront({ locale: 'en', shopName: '<b>Shop</b>', products: [], categories: [] }),
    ).toContain('&lt;b&gt;Shop&lt;/b&gt; — demo store');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders the Chinese page in Chinese with yuan-style formatting of the currency', () => {
    const html = renderStorefront({
      locale: 'zh',
      shopName: 'Test Shop',
      products: [product],
      categories: [],
    });
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('热门商品');
    expect(html).toContain('<title>Test Shop — 演示商店</title>');
    expect(html).toContain('US$89.00');
  });

  it('says how to get products when the shop is empty', () => {
    const html = renderStorefront({
      locale: 'en',
      shopName: 'Test Shop',
      products: [],
      categories: [],
    });
    expect(html).toContain('SEED_DEMO=auto');
  });
});

describe('storefront links and product pages', () => {
  const onSite = { ...product, url: '/shop/products/sh-0001' };

  it("links cards to this site's product pages in the page's language, never to //other hosts", () => {
    const page = (locale: 'en' | 'zh', url: string) =>
      renderStorefront({
        locale,
        shopName: 'Test Shop',
        products: [{ ...product, url }],
        categories: [],
      });
    expect(page('en', onSite.url)).toContain('href="/shop/products/sh-0001"');
    expect(page('zh', onSite.url)).toContain('href="/zh/shop/products/sh-0001"');
    expect(page('en', '//evil.example/x')).not.toContain('evil.example');
  });

  it('shows a product and records its view through the widget queue, safely', () => {
    const html = renderProductPage({
      locale: 'en',
      shopName: 'Test Shop',
      path: '/shop/products/sh-0001',
      product: {
        ...onSite,
        externalId: 'p-1</script><script>alert(1)',
        description: 'Light & fast',
        stock: 0,
      },
    });
    expect(html).toContain('<h1>Trail running shoes</h1>');
    expect(html).toContain('Out of stock');
    expect(html).toContain('Light &amp; fast');
    expect(html).toContain('href="/zh/shop/products/sh-0001"');
    expect(html).toContain(
      'window.ConciergeQueue.push(["track","product_view",{"productId":"p-1\\u003c/script>',
    );
    expect(html).not.toContain('<script>alert(1)');
  });

  it('says a missing product is gone, in Chinese on the Chinese page', () => {
    const html = renderProductPage({
      locale: 'zh',
      shopName: 'Test Shop',
      path: '/zh/shop/products/nope',
      product: null,
    });
    expect(html).toContain('该商品不存在或已下架');
    expect(html).toContain('href="/shop/products/nope"');
    expect(html).not.toContain('product_view');
  });
});
