import { Module } from '@nestjs/common';
import { CommerceModule } from '../commerce/commerce.module';
import { StorefrontController } from './storefront.controller';

/** The shopper-facing web surface: the widget loader and the demo shop. */
@Module({
  imports: [CommerceModule],
  controllers: [StorefrontController],
})
export class StorefrontModule {}
