import { Module } from '@nestjs/common';
import { CommerceService } from './commerce.service';
import { CustomersController } from './customers.controller';
import { DemoSeedService } from './demo/demo-seed.service';
import { IngestionService } from './ingestion.service';
import { OrdersController } from './orders.controller';
import { ProductsController } from './products.controller';
import { CustomerRepository } from './repositories/customer.repository';
import { OrderRepository } from './repositories/order.repository';
import { ProductRepository } from './repositories/product.repository';

/**
 * Customers, products and orders: ingestion API for the shop's backend, staff read API, demo
 * shop. Other features use `CommerceService` (reads and order actions) only.
 */
@Module({
  controllers: [ProductsController, CustomersController, OrdersController],
  providers: [
    ProductRepository,
    CustomerRepository,
    OrderRepository,
    IngestionService,
    CommerceService,
    DemoSeedService,
  ],
  exports: [CommerceService, IngestionService, DemoSeedService],
})
export class CommerceModule {}
