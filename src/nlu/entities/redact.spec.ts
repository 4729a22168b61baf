import { redact } from './redact';

describe('redact', () => {
  it('masks emails, phone numbers, card and account numbers and addresses', () => {
    expect(redact('I am jane@shop.io, call 555-123-4567')).toBe('I am [EMAIL], call [PHONE]');
    expect(redact('my card 4111-1111-1111-1111 got charged twice')).toBe(
      'my card [CARD] got charged twice',
    );
    expect(redact('refund to IBAN DE89 3704 0044 0532 0130 00')).toBe('refund to IBAN [ACCOUNT]');
    expect(redact('account number 123456789 please')).toBe('account number [ACCOUNT] please');
    expect(redact('send it to 221B Baker Street, London')).toBe('send it to [ADDRESS], London');
    expect(redact('手机13812345678，地址是上海市浦东新区世纪大道100号')).toBe(
      '手机[PHONE]，地址是[ADDRESS]',
    );
    expect(redact('银行卡号 6222 0212 3456 7890 128')).toBe('银行卡号 [ACCOUNT]');
  });

  it('keeps order numbers, amounts and dates that analytics needs', () => {
    const text = 'order 370795561790 cost $160 on 2026-11-02';
    expect(redact(text)).toBe(text);
  });

  it('masks a card-shaped number even after the word "order"', () => {
    expect(redact('order 4111111111111111')).toBe('order [CARD]');
  });

  it('returns text unchanged when nothing is private, and never throws', () => {
    expect(redact('where is my parcel?')).toBe('where is my parcel?');
    expect(redact('')).toBe('');
    expect(redact('\ud800😀')).toBe('\ud800😀');
    expect(redact('1'.repeat(100_000))).toHaveLength(100_000);
  });
});
