import { OrderStatus, PostalAddress } from './entities/order.entity';

/** Who asked for a shop-side change (recorded with the change for signals and audit). */
export interface ChangeActor {
  kind: 'customer' | 'staff' | 'bot' | 'system';
  /** Customer id, staff user id … when known. */
  id?: string;
}

/**
 * What a shop-side order action changed. Returned by CommerceService so the caller (chat engine,
 * agent console) can record it as a behaviour event in its own transaction/outbox.
 */
export type OrderChange =
  | {
      kind: 'order.cancelled';
      orderId: string;
      customerId: string;
      from: OrderStatus;
      to: 'cancelled';
      by: ChangeActor;
      at: Date;
    }
  | {
      kind: 'order.address_changed';
      orderId: string;
      customerId: string;
      from: PostalAddress | null;
      to: PostalAddress;
      by: ChangeActor;
      at: Date;
    };

/** Statuses in which the shop can still cancel an order. */
export const CANCELLABLE_STATUSES: readonly OrderStatus[] = ['pending', 'paid', 'processing'];
/** Statuses in which the parcel has not left yet, so the address can still change. */
export const ADDRESS_CHANGEABLE_STATUSES: readonly OrderStatus[] = [
  'pending',
  'paid',
  'processing',
];
