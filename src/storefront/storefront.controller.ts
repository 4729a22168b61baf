import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CommerceService } from '../commerce/commerce.service';
import { DEMO_CATEGORIES } from '../commerce/demo/catalog-words';
import { Product } from '../commerce/entities/product.entity';
import { productTitle } from '../commerce/product-title';
import { AppConfig } from '../config/app-config';
import { renderProductPage, renderStorefront, StoreLocale } from './storefront-page';
import { STOREFRONT_CSS } from './storefront-styles';
import { loadWidgetBundle, WidgetBundle } from './widget-bundle';

const PRODUCTS_ON_PAGE = 12;

/**
 * Serves the embeddable widget (`/widget.js`) and the demo storefront (`/`, `/zh`) that shows it.
 * The loader URL never changes, so it is cached briefly and revalidated by ETag; a deploy
 * reaches every shop within five minutes.
 */
@ApiExcludeController()
@Public()
@Controller()
export class StorefrontController {
  private bundle: WidgetBundle | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly commerce: CommerceService,
  ) {}

  @Get('widget.js')
  widget(@Req() req: Request, @Res() res: Response): void {
    this.bundle ??= loadWidgetBundle({
      themeColor: this.config.WIDGET_THEME_COLOR,
      title: this.config.SHOP_NAME,
    });
    res.setHeader('Content-Type', 'application/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=300, stale-while-revalidate=86400');
    res.setHeader('ETag', this.bundle.etag);
    // Any site may load the loader; what it may then do is governed by ALLOWED_ORIGINS.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    if (req.headers['if-none-match'] === this.bundle.etag) {
      res.status(304).end();
      return;
    }
    res.send(this.bundle.body);
  }

  @Get('assets/storefront.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  styles(): string {
    return STOREFRONT_CSS;
  }

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  english(): Promise<string> {
    return this.page('en');
  }

  @Get('zh')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  chinese(): Promise<string> {
    return this.page('zh');
  }

  /** The demo shop's product pages (its products' `url`s point here). */
  @Get('shop/products/:sku')
  productEnglish(@Param('sku') sku: string, @Res() res: Response): Promise<void> {
    return this.productPage('en', sku, res);
  }

  @Get('zh/shop/products/:sku')
  productChinese(@Param('sku') sku: string, @Res() res: Response): Promise<void> {
    return this.productPage('zh', sku, res);
  }

  private async productPage(locale: StoreLocale, sku: string, res: Response): Promise<void> {
    const found = sku.length <= 100 ? await this.commerce.productBySku(sku) : null;
    const product = found && inLanguage(found, locale);
    res
      .status(product ? 200 : 404)
      .type('html')
      .setHeader('Cache-Control', 'no-cache')
      .send(
        renderProductPage({
          locale,
          shopName: this.config.SHOP_NAME,
          path: `${locale === 'zh' ? '/zh' : ''}/shop/products/${encodeURIComponent(sku)}`,
          product,
        }),
      );
  }

  private async page(locale: StoreLocale): Promise<string> {
    const [popular, categories] = await Promise.all([
      this.commerce.popularProducts({ limit: PRODUCTS_ON_PAGE }),
      this.commerce.categories(),
    ]);
    return renderStorefront({
      locale,
      shopName: this.config.SHOP_NAME,
      products: popular.map((p) => inLanguage(p, locale)),
      categories: categories.map((c) => ({ ...c, category: categoryLabel(c.category, locale) })),
    });
  }
}

/** A product with its title and category as a shopper reading `locale` sees them. */
function inLanguage<T extends Product>(product: T, locale: StoreLocale): T {
  return {
    ...product,
    title: productTitle(product, locale),
    category: product.category && categoryLabel(product.category, locale),
  };
}

/** The demo shop's categories have names in both languages; a shop's own are shown as they are. */
function categoryLabel(category: string, locale: StoreLocale): string {
  return DEMO_CATEGORIES.find((c) => c.slug === category)?.label[locale] ?? category;
}
