import { payloadProblem, STOREFRONT_TYPES } from './event-catalogue';

describe('event catalogue', () => {
  it('accepts a well-formed event of each storefront and shop type', () => {
    expect(payloadProblem('page_view', { url: '/shoes' })).toBeNull();
    expect(payloadProblem('add_to_cart', { productId: 'p1', quantity: 2, price: 9.5 })).toBeNull();
    expect(payloadProblem('order_placed', { orderId: 'o1', total: 42 })).toBeNull();
    expect(payloadProblem('order_refunded', { orderId: 'o1', amount: 10 })).toBeNull();
  });

  it('rejects unknown types naming the known ones', () => {
    const problem = payloadProblem('order_teleported', {});
    expect(problem?.code).toBe('UNKNOWN_EVENT_TYPE');
    expect(problem?.message).toContain('order_placed');
  });

  it('names the field that is missing, mistyped, out of range or unknown', () => {
    expect(payloadProblem('order_placed', { orderId: 'o1' })?.message).toBe(
      'payload.total is required',
    );
    expect(payloadProblem('order_placed', { orderId: 'o1', total: '42' })?.message).toBe(
      'payload.total must be a number',
    );
    expect(payloadProblem('chat_rated', { rating: 7 })?.message).toBe('payload.rating must be ≤ 5');
    expect(payloadProblem('page_view', { url: '/', secret: 1 })?.message).toBe(
      'payload.secret is not a field of page_view',
    );
    expect(payloadProblem('search', [])?.message).toBe('payload must be an object');
  });

  it('lists the four storefront types', () => {
    expect(STOREFRONT_TYPES.sort()).toEqual(['add_to_cart', 'page_view', 'product_view', 'search']);
  });
});
