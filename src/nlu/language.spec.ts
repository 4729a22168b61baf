import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['where is my order?', 'en'],
    ['I want a refund for order 12345', 'en'],
    ['我的订单什么时候到', 'zh'],
    ['我想退货 order 123', 'zh'],
    ['can I pay with 支付宝', 'en'],
    ['où est ma commande, je ne la trouve pas', 'other'],
    ['где мой заказ', 'other'],
    ['注文はどこですか', 'other'],
    ['😀😀', 'other'],
    ['', 'other'],
    ['12345', 'other'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
