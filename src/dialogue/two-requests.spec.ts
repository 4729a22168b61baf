import { splitTwoRequests } from './two-requests';

describe('splitTwoRequests', () => {
  it.each([
    [
      'where is my order and how do I return the shoes',
      'where is my order',
      'how do I return the shoes',
    ],
    ['where is my order? also do you ship to canada', 'where is my order', 'do you ship to canada'],
    [
      'how do I change my address, and can I pay with paypal',
      'how do I change my address',
      'can I pay with paypal',
    ],
    ['我的订单到哪了？另外怎么退货', '我的订单到哪了', '怎么退货'],
    ['运费多少？能开发票吗', '运费多少', '能开发票吗'],
    ['我想退货还有怎么开发票', '我想退货', '怎么开发票'],
  ])('cuts %j where the second request starts', (text, first, second) => {
    expect(splitTwoRequests(text)).toEqual({ first, second });
  });

  it.each([
    // One request with "and" inside it.
    'do you have black and white sneakers',
    'I want to cancel my order and get a refund',
    // A question word inside one request.
    'can you tell me where my order is',
    'I want to know how to return',
    // A greeting or a story before the one request.
    'hi, where is my order',
    'Hi. Where is my order?',
    'I ordered shoes last week. Where are they?',
    '你好，我的订单到哪了',
    '我上周买了鞋。怎么退货',
    // The second sentence explains the first question.
    'can you check the invoice title for my company? I want to be sure before I send it on',
    '可以改尺码吗？我想从M换成S',
    // Too short to be a request of its own.
    'where is it? and?',
  ])('reads %j as one request', (text) => {
    expect(splitTwoRequests(text)).toBeNull();
  });

  it('reads a long message as one request, however many sentences it has', () => {
    // Each place tried costs a pass over the rest: 30,000 of them in 90 KB took a minute.
    expect(splitTwoRequests('a. '.repeat(30_000))).toBeNull();
    expect(
      splitTwoRequests(
        `${'I have a question. '.repeat(20)}where is my order? also, do you ship to Canada?`,
      ),
    ).toBeNull();
  });
});
