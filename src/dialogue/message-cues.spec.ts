import {
  SAYS_DELIVERED,
  accountTakenOver,
  statusesNamed,
  agrees,
  ALREADY_RECEIVED,
  ASKS_AVAILABILITY,
  ASKS_IF_BOT,
  ASKS_WHERE_ORDER_IS,
  DECLINES,
  picksByItem,
  saysNoOrderConfirmation,
  isBareOrderNumber,
  NO,
  NO_EMAIL,
  NO_ORDER_NUMBER,
  AND_ANOTHER_ACCOUNT_DETAIL,
  ASKS_ABOUT_AN_ORDER,
  ASKS_FOR_HELP,
  ASKS_TIME_LEFT,
  NOT_RECEIVED,
  NOT_RESOLVED,
  SOMETHING_ORDERED,
  ORDER_HISTORY,
  OPEN_ORDERS,
  ordinalIn,
  pickedAmongShown,
  pointsBack,
} from './message-cues';

describe('message cues', () => {
  it('tells an opener that says nothing yet from a request', () => {
    for (const text of ['can you help me', 'hi, can you help me?', 'I need help', '能帮我一下吗'])
      expect(ASKS_FOR_HELP.test(text)).toBe(true);
    for (const text of ['can you help me find a jacket', 'I need help with my password'])
      expect(ASKS_FOR_HELP.test(text)).toBe(false);
    for (const text of [
      'I have a question about my order',
      'question about an order',
      '我的订单有问题',
    ])
      expect(ASKS_ABOUT_AN_ORDER.test(text)).toBe(true);
    for (const text of [
      'I have a problem with my order, it is late',
      'question about order A10001',
    ])
      expect(ASKS_ABOUT_AN_ORDER.test(text)).toBe(false);
    for (const text of ['how long do I have', 'how long do I have to return it', '还有几天可以退'])
      expect(ASKS_TIME_LEFT.test(text)).toBe(true);
    expect(ASKS_TIME_LEFT.test('how long do I have to wait')).toBe(false);
    for (const text of ['and my phone number', 'what about my phone number', '那邮箱呢'])
      expect(AND_ANOTHER_ACCOUNT_DETAIL.test(text)).toBe(true);
    for (const text of ['what is your phone number', 'and where is my order'])
      expect(AND_ANOTHER_ACCOUNT_DETAIL.test(text)).toBe(false);
  });

  it('tells something ordered from an e-mail, a code or money', () => {
    for (const text of ['my jacket never arrived', 'the lamp I ordered', 'my new sneakers'])
      expect(SOMETHING_ORDERED.test(text)).toBe(true);
    for (const text of ['my refund never came', 'the code', 'my password reset'])
      expect(SOMETHING_ORDERED.test(text)).toBe(false);
  });

  it('hears a question about where an order is, however it is worded', () => {
    for (const text of [
      "where's my delivery",
      'where are the boots I ordered',
      "i'm still waiting for my parcel",
      'wheres my stuff',
      'where is the package from last week?',
    ])
      expect(ASKS_WHERE_ORDER_IS.test(text)).toBe(true);
    for (const text of [
      'where is my refund',
      "where's the money for my returned order",
      'where do I enter my promo code',
      'where is your warehouse',
    ])
      expect(ASKS_WHERE_ORDER_IS.test(text)).toBe(false);
  });

  it('hears a shopper who cannot give the e-mail address of an order', () => {
    for (const text of [
      "hmm I don't remember the email",
      'forgot which e-mail I used',
      'no idea what email address it was',
      'that email address I no longer have',
      '邮箱忘了',
      '不记得是哪个邮箱',
    ])
      expect(NO_EMAIL.test(text)).toBe(true);
    for (const text of ['I forgot my password', 'ann@example.com', '我忘了密码'])
      expect(NO_EMAIL.test(text)).toBe(false);
  });

  it('picks a shown product by price only when asked which of them', () => {
    expect(pickedAmongShown('which one is the cheapest')).toBe('cheapest');
    expect(pickedAmongShown('the most expensive of them?')).toBe('dearest');
    expect(pickedAmongShown('哪个最便宜')).toBe('cheapest');
    // A new request, not a pick among those shown.
    expect(pickedAmongShown('what is your cheapest tent')).toBeNull();
    expect(pickedAmongShown('which one is waterproof')).toBeNull();
    expect(pickedAmongShown('which is the best rated')).toBe('popular');
    expect(pickedAmongShown('哪个卖得最好')).toBe('popular');
    expect(pickedAmongShown('what are your best rated headphones')).toBeNull();
  });

  it('tells a bare order number from a request that carries one', () => {
    expect(isBareOrderNumber('A10002')).toBe(true);
    expect(isBareOrderNumber("it's order #A10002, thanks")).toBe(true);
    expect(isBareOrderNumber('订单号是A10002')).toBe(true);
    expect(isBareOrderNumber('and A10002?')).toBe(true);
    expect(isBareOrderNumber('what about A10002')).toBe(true);
    expect(isBareOrderNumber('那A10002呢')).toBe(true);
    expect(isBareOrderNumber('cancel A10002')).toBe(false);
    expect(isBareOrderNumber('A10002到哪了')).toBe(false);
  });

  it('tells a missing order confirmation from a sign-up e-mail, a code or an invoice', () => {
    for (const missing of [
      'I ordered yesterday but never got a confirmation',
      'did my order go through? no confirmation',
      'my order confirmation never came',
      'I never got an email confirming my order',
      '下单后没收到确认邮件',
    ])
      expect(saysNoOrderConfirmation(missing)).toBe(true);
    for (const other of [
      'I never received the confirmation email to activate my account',
      "i didn't get the confirmation code for my order",
      'I never got an email to confirm my account',
      'I need a proper invoice, not just the order confirmation',
      '注册后收不到确认邮件',
    ])
      expect(saysNoOrderConfirmation(other)).toBe(false);
  });

  it('tells a pick by item ("the water bottle one", "跑鞋那单") from a request', () => {
    for (const pick of [
      'the water bottle one',
      "it's the sneakers order",
      'the one with the webcam',
      '跑鞋那单',
      'great, and the bottle one?',
      'what about the webcam order',
    ])
      expect(picksByItem(pick)).toBe(true);
    for (const request of [
      'the water bottle leaks',
      'I want to cancel the water bottle one and keep the other items please',
      '发货前帮我取消掉那个订单',
      '我想再买一次上次买的那个',
      'and the bottle leaks at the lid, which one should I return',
    ])
      expect(picksByItem(request)).toBe(false);
  });

  it('tells a no from a message that merely starts with n, and a plain decline from a request', () => {
    for (const no of [
      'no',
      'N',
      'nope, keep it',
      "don't",
      'never mind',
      '不要',
      '算了',
      'actually no',
      'wait, no',
      '还是不要了',
    ])
      expect(NO.test(no)).toBe(true);
    for (const other of [
      'now please',
      'nice',
      'new address: 5 Baker St',
      'yes',
      'actually now is fine',
      'ok nice',
      '还是不行',
    ]) {
      expect(NO.test(other)).toBe(false);
    }
    for (const decline of [
      'no thanks',
      'No, thank you!',
      'never mind',
      '不用了',
      '算了',
      '不用了，谢谢',
      "never mind, don't cancel it",
      'ok do not cancel the order then',
      '算了不取消了',
      '不用取消了，谢谢',
      'ok never mind',
      'oh, forget it',
      '算了不退了',
      '不换了',
      'nvm found it',
      'never mind, I found it',
      '没事了，找到了',
    ])
      expect(DECLINES.test(decline)).toBe(true);
    for (const request of [
      "no, it's A10002",
      'no I want to cancel it',
      '不用了，帮我取消吧',
      "don't cancel A10002, cancel A10003",
      '不取消订单的话能改地址吗',
      'yes',
      'ok I want a refund',
      '不退了能换货吗',
      'found it, where do I click to return it',
      'I found it but it is broken',
    ])
      expect(DECLINES.test(request)).toBe(false);
  });

  it('tells a yes to an offer from a thank-you, and a parcel marked delivered from one late', () => {
    for (const yes of ['yes', 'yes please', 'ok do it', 'sure', '好的', '可以'])
      expect(agrees(yes)).toBe(true);
    for (const not of [
      'ok thanks',
      '好的谢谢',
      'no',
      'yes but where is my other order though, A10002?',
    ])
      expect(agrees(not)).toBe(false);
    for (const marked of [
      'it says delivered but I never got it',
      'tracking shows it as delivered',
      '显示签收了但是没收到',
    ])
      expect(SAYS_DELIVERED.test(marked)).toBe(true);
    for (const late of [
      "it still hasn't arrived",
      'it was supposed to arrive monday',
      '快递还没到',
    ])
      expect(SAYS_DELIVERED.test(late)).toBe(false);
  });

  it("recognises a shopper whose account here was taken over, not another service's", () => {
    for (const yes of ['my account got hacked', 'someone logged into my account', '我的账号被盗了'])
      expect(accountTakenOver(yes)).toBe(true);
    for (const no of [
      'my Instagram account got hacked',
      '支付宝账号被盗了怎么办',
      '怀疑被盗号了 我要重置密码',
      'the parcel was hacked open',
    ])
      expect(accountTakenOver(no)).toBe(false);
  });

  it('reads which order status a message names', () => {
    expect(statusesNamed('the one being prepared')).toEqual(['paid', 'processing']);
    expect(statusesNamed('the one not shipped yet')).toEqual(['paid', 'processing']);
    expect(statusesNamed('the shipped one')).toEqual(['shipped']);
    expect(statusesNamed('已签收的那个')).toEqual(['delivered']);
    expect(statusesNamed('the first one')).toEqual([]);
  });

  it('tells an item already received from one still on order', () => {
    for (const got of [
      'the shoes I got are too small',
      'I received the wrong size',
      '收到的衣服大了',
    ])
      expect(ALREADY_RECEIVED.test(got)).toBe(true);
    for (const other of ['can I change the size in my order', '我想改一下订单的尺码'])
      expect(ALREADY_RECEIVED.test(other)).toBe(false);
  });

  it('recognises a shopper asking whether a bot answers', () => {
    for (const asks of [
      'are you a bot?',
      'r u human',
      'Am I talking to a real person?',
      '你是机器人吗',
      '您是真人吗',
      '是机器人么',
    ])
      expect(ASKS_IF_BOT.test(asks)).toBe(true);
    for (const other of [
      'are you open on sunday',
      'is this robot vacuum in stock',
      '机器人玩具有货吗',
    ])
      expect(ASKS_IF_BOT.test(other)).toBe(false);
  });

  it('recognises that the answer just given did not help', () => {
    for (const failed of [
      'still not working',
      "that didn't help",
      'tried that already',
      '还是不行',
      '没用',
      '还是收不到',
      'still getting them',
      'still happening',
      '还是一直收到你们的短信',
    ])
      expect(NOT_RESOLVED.test(failed)).toBe(true);
    for (const other of [
      'it works now, thanks',
      'still want to order',
      'is it still coming today?',
      '好的，可以了',
    ])
      expect(NOT_RESOLVED.test(other)).toBe(false);
  });

  it('recognises a shopper who cannot give the order number', () => {
    for (const cannot of [
      "I don't have the number",
      'i dont know it',
      'I lost my order number',
      "can't find the order no.",
      '不知道订单号',
      '订单号忘了',
      '我没有订单号',
    ])
      expect(NO_ORDER_NUMBER.test(cannot)).toBe(true);
    for (const other of ["I don't have an account", "I don't know when it arrives", 'A10002'])
      expect(NO_ORDER_NUMBER.test(other)).toBe(false);
  });

  it('finds which of the products shown a message points at', () => {
    expect(ordinalIn('is the second one in stock?')).toBe(1);
    expect(ordinalIn('First one please')).toBe(0);
    expect(ordinalIn('how much is number 3')).toBe(2);
    expect(ordinalIn('the last one')).toBe(-1);
    expect(ordinalIn('第一个多少钱')).toBe(0);
    expect(ordinalIn('第3款有货吗')).toBe(2);
    expect(ordinalIn('两个都要吗')).toBeNull();
    expect(ordinalIn('最后那个呢')).toBe(-1);
    expect(ordinalIn('第二本多少钱')).toBe(1);
    expect(ordinalIn('第一双有42码吗')).toBe(0);
    expect(ordinalIn('this is my first order')).toBeNull();
    expect(ordinalIn('order A10002')).toBeNull();
  });

  it('takes "it", or a message too short to be about anything else, as pointing back', () => {
    expect(pointsBack('is it in stock?')).toBe(true);
    expect(pointsBack('多少钱')).toBe(true);
    expect(pointsBack('how much?')).toBe(true);
    expect(pointsBack('how much does shipping to Canada cost for a large parcel')).toBe(false);
    expect(pointsBack('请问你们的运费怎么计算比较划算')).toBe(false);
  });

  it('recognises a parcel that never came, an order history request and an availability question', () => {
    expect(NOT_RECEIVED.test('it says delivered but I never got it')).toBe(true);
    expect(NOT_RECEIVED.test('物流显示签收了，可我根本没收到')).toBe(true);
    expect(NOT_RECEIVED.test("it was marked delivered yesterday but it's not here")).toBe(true);
    expect(NOT_RECEIVED.test("the parcel isn't here")).toBe(true);
    expect(NOT_RECEIVED.test('where is my parcel')).toBe(false);
    expect(ORDER_HISTORY.test('what did I order last time?')).toBe(true);
    expect(ORDER_HISTORY.test('我上次买了什么')).toBe(true);
    expect(ORDER_HISTORY.test('where is my last order')).toBe(false);
    for (const text of [
      'do I have any orders on the way?',
      'which orders are still coming',
      "what's still coming?",
      'any open orders?',
      '我有在路上的订单吗',
      '哪些订单还没到',
    ])
      expect(OPEN_ORDERS.test(text)).toBe(true);
    for (const text of [
      'where is my order',
      'is my order on its way',
      'how do I place an order',
      'cancel my pending order',
      '未发货的订单怎么取消',
    ])
      expect(OPEN_ORDERS.test(text)).toBe(false);
    expect(ASKS_AVAILABILITY.test('do you sell yoga mats?')).toBe(true);
    expect(ASKS_AVAILABILITY.test('你们卖瑜伽垫吗')).toBe(true);
    expect(ASKS_AVAILABILITY.test('recommend me something')).toBe(false);
  });
});
