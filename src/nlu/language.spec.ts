import { clearLanguage, detectLanguage } from './language';

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
    ['A105072', 'other'],
    ['wrong@qq.com', 'other'],
    ['https://shop.example/p/sh-0012', 'other'],
    ['订单A105072', 'zh'],
    ['where is A105072', 'en'],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});

describe('clearLanguage', () => {
  it.each([
    ['我想取消订单', 'zh'],
    ['好的', 'zh'],
    ['好', null],
    ['where is my order', 'en'],
    ['yes please', 'en'],
    ['ok', null],
    ['A105072', null],
    ['my.name@example.com', null],
    ['où est ma commande, je ne la trouve pas', null],
  ])('%s → %s', (text, lang) => {
    expect(clearLanguage(text)).toBe(lang);
  });
});
