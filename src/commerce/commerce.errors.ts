import { DomainError } from '../common/domain-error';

/** Commerce failures with stable codes the API, the chat engine and the CLI can act on. */
export class CommerceError extends DomainError {}

/** An order (or bulk row) names a customer or product that the shop has not ingested. */
export class UnknownReferenceError extends CommerceError {
  constructor(
    code: 'UNKNOWN_CUSTOMER' | 'UNKNOWN_PRODUCT',
    reference: string,
    details: Record<string, unknown> = {},
  ) {
    const what = code === 'UNKNOWN_CUSTOMER' ? 'customer' : 'product';
    super(code, `unknown ${what} "${reference}"`, 422, { reference, ...details });
  }
}

/** The order's current status does not allow the requested change. */
export class OrderStatusError extends CommerceError {
  constructor(code: 'ORDER_NOT_CANCELLABLE' | 'ADDRESS_CHANGE_NOT_ALLOWED', status: string) {
    const action = code === 'ORDER_NOT_CANCELLABLE' ? 'cancelled' : 'given a new address';
    super(code, `an order that is ${status} can no longer be ${action}`, 409, { status });
  }
}

/** A bulk request above the documented row limit. */
export class BulkTooLargeError extends CommerceError {
  constructor(limit: number, got: number) {
    super('BULK_TOO_LARGE', `a bulk request holds at most ${limit} items (got ${got})`, 413, {
      limit,
      count: got,
    });
  }
}

/** One row of a bulk request is invalid; nothing of the request was written. */
export class BulkRowError extends CommerceError {
  constructor(
    index: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
    status = 400,
  ) {
    super(code, `item ${index}: ${message}`, status, { index, ...extra });
  }
}

/** Another order already uses this shopper-facing order number. */
export class OrderNumberTakenError extends CommerceError {
  constructor(number: string) {
    super('ORDER_NUMBER_TAKEN', `order number ${number} belongs to another order`, 409, {
      number,
    });
  }
}
