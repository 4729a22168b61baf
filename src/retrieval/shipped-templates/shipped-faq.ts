import { TemplateLocale } from '../faq-csv';

/**
 * A question most shops are asked that no intent covers, answered by a default the shop edits
 * like any FAQ entry (intent null). Written by the team. Its questions are matched by their words
 * (FaqMatcher), so they vary the wording rather than repeat it.
 */
export interface ShippedFaqEntry {
  locale: TemplateLocale;
  title: string;
  answer: string;
  questions: string[];
  quickReplies?: string[];
}

export const SHIPPED_FAQ: readonly ShippedFaqEntry[] = [
  {
    locale: 'en',
    title: 'Discounts and promo codes',
    answer:
      'Our current offers are shown on the website and on the product pages, and a promo code goes into the "Discount code" field at checkout (one code per order). If a code is not accepted, check its expiry date and conditions (some need a minimum order value or exclude sale items). I can\'t change prices in the chat. To hear about sales first, subscribe to our newsletter at the bottom of any page.',
    questions: [
      'do you have any discount codes?',
      'is there a promo code I can use',
      'can you give me a discount',
      'are there any sales coming up',
      'do you offer a student discount',
      'any coupons for first orders?',
      'are there any deals on at the moment',
      'how do I use a coupon code',
      'my promo code is not working',
      'the voucher says invalid at checkout',
      'my code has expired, can you extend it',
    ],
    quickReplies: ['Subscribe to the newsletter'],
  },
  {
    locale: 'zh',
    title: '优惠与优惠码',
    answer:
      '当前的优惠活动会显示在网站和商品页面上，优惠码请在结算页的“优惠码”一栏填写（每笔订单限用一个）。如果优惠码无法使用，请检查有效期和使用条件（有些需要满足最低消费或不适用于特价商品）。聊天中无法改价，敬请谅解。想第一时间收到促销信息，可以在页面底部订阅我们的邮件通知。',
    questions: [
      '有优惠券吗',
      '能便宜点吗',
      '买得多能优惠吗',
      '能不能优惠一点',
      '可以打折吗',
      '能打个折吗',
      '最近有什么促销活动',
      '有满减吗',
      '有没有折扣码',
      '新用户有优惠吗',
      '优惠券怎么用',
      '优惠码用不了',
      '结算时提示优惠券无效',
      '优惠券过期了还能用吗',
    ],
    quickReplies: ['订阅促销邮件'],
  },
  {
    locale: 'en',
    title: 'Choosing a size',
    answer:
      'Clothing and shoe pages have a size guide next to the size selector, with body measurements for each size; the description says when an item runs small or large. If the size you get does not fit, you can exchange it within the return period (My account → Orders → "Return or refund").',
    questions: [
      'what size should I get',
      'how do I know my size',
      'do you have a size chart',
      'I am between two sizes, which one should I order',
      'where is the size guide',
    ],
  },
  {
    locale: 'zh',
    title: '尺码选择',
    answer:
      '服装和鞋类商品页面的尺码选择旁有尺码表，列出每个尺码对应的身体尺寸；如果商品偏大或偏小，商品描述里会注明。收到后尺码不合适，可以在退货期限内换货（我的账户 → 我的订单 → 退货/退款）。',
    questions: [
      '尺码怎么选',
      '有尺码表吗',
      '我该穿多大码',
      '两个尺码之间选哪个',
      '不知道自己穿什么码',
    ],
  },
  {
    locale: 'en',
    title: 'Is paying on the site safe?',
    answer:
      'Paying here is safe: checkout runs over an encrypted connection and card payments are handled by our payment provider, so we never see or store your full card number. Your bank may ask you to confirm the payment in its app. If you notice a charge you do not recognise, tell us and a colleague will check it.',
    questions: [
      'is it safe to pay on your site',
      'is my card information secure',
      'do you keep my card on file',
      'is your checkout secure',
      'can I trust this website with my card',
    ],
    quickReplies: ['Payment methods'],
  },
  {
    locale: 'zh',
    title: '在网站付款安全吗',
    answer:
      '在这里付款是安全的：结算页面全程加密传输，银行卡支付由我们的支付服务商处理，我们看不到也不会保存您的完整卡号。付款时银行可能会要求您在其 App 中确认。如发现不认识的扣款，请告诉我们，同事会为您核查。',
    questions: [
      '在你们网站付款安全吗',
      '银行卡信息会泄露吗',
      '你们会保存我的卡号吗',
      '付款安全吗',
      '支付会不会不安全',
      '你们是正规网站还是骗子网站',
    ],
    quickReplies: ['支付方式'],
  },
  {
    locale: 'en',
    title: 'Changing the card you pay with',
    answer:
      'Your card is not saved in your account: card payments are handled by our payment provider at checkout, so there is nothing to update. Next time, simply enter the new card (or choose another payment method) on the payment step. An order that is already paid stays on the card it was paid with; if a payment failed, a colleague can help you pay it another way.',
    questions: [
      'can I change my card',
      'how do I update the card on my account',
      'I got a new bank card, where do I change it',
      'remove my saved card',
      'my card expired, how do I add the new one',
    ],
    quickReplies: ['Payment methods'],
  },
  {
    locale: 'zh',
    title: '更换付款用的银行卡',
    answer:
      '您的银行卡不会保存在账户中：银行卡支付在结算时由我们的支付服务商处理，所以无需更新。下次下单时，在付款步骤直接输入新卡（或选择其他支付方式）即可。已付款的订单会保留原来的付款卡；如果付款失败，同事可以协助您用其他方式付款。',
    questions: [
      '怎么换绑银行卡',
      '我想修改账户里的银行卡信息',
      '换了新卡在哪里更新',
      '删除已保存的银行卡',
    ],
    quickReplies: ['支付方式'],
  },
  {
    locale: 'en',
    title: 'Price matching and price drops',
    answer:
      "Our prices are the same for every shopper, and we don't match other shops' prices. If something you bought goes on sale within 14 days of your order, a colleague can check whether the difference can be refunded: tell me the order number. Current offers are shown on the website and the product pages.",
    questions: [
      'do you price match',
      'will you match a cheaper price from another shop',
      'I found it cheaper somewhere else, can you match it',
      'the price dropped after I bought it, can I get the difference back',
      'I saw it for less on another website',
      'can I get a price adjustment',
      'if it goes on sale later, do you refund the difference',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    locale: 'zh',
    title: '比价与降价补差',
    answer:
      '我们对所有顾客的价格都一样，不跟其他商店比价。如果您下单后 14 天内商品降价，请告诉我订单号，同事会核实能否退还差价。当前的优惠活动会显示在网站和商品页面上。',
    questions: [
      '你们保价吗',
      '别家更便宜，能按那个价格卖吗',
      '买完就降价了，能退差价吗',
      '有没有价格保护',
    ],
    quickReplies: ['转人工客服'],
  },
  {
    locale: 'en',
    title: 'Warranty',
    answer:
      "Everything we sell comes with the manufacturer's warranty; how long it lasts is on the product page (for electronics usually two years from delivery). If something stops working within it, tell me the order number and what happened, and a colleague will arrange a repair, a replacement or a refund. Your order confirmation serves as the proof of purchase.",
    questions: [
      'is there a warranty',
      'how long is the guarantee on electronics',
      'which faults does the warranty include',
      'my item broke, is it still under warranty',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    locale: 'zh',
    title: '保修',
    answer:
      '我们售出的商品都享受厂家保修，保修期见商品页面（电子产品一般为签收后两年）。保修期内出现故障，请告诉我订单号和具体情况，同事会为您安排维修、换货或退款。订单确认邮件即可作为购买凭证。',
    questions: ['有保修吗', '保修期是几年', '有没有质保', '用了几个月坏了，还能保修吗'],
    quickReplies: ['转人工客服'],
  },
  {
    locale: 'en',
    title: 'Sold-out items and restocks',
    answer:
      'When a product is sold out, its page shows a "Notify me" button: leave your e-mail address there and we write to you as soon as it is back. Most items are restocked within a few weeks, but I can\'t promise a date. We can\'t hold or reserve items; an item is yours once the order is placed.',
    questions: [
      'will you restock it',
      'can you tell me when the sold out item is restocked',
      'are the sold out sizes coming back',
      'can you put an item aside for me',
    ],
  },
  {
    locale: 'zh',
    title: '缺货与补货',
    answer:
      '商品售罄时，商品页面会显示“到货通知”按钮：留下邮箱，补货后我们会第一时间通知您。大部分商品几周内会补货，但具体日期无法保证。我们不能为您保留或预留商品，下单后商品才算为您保留。',
    questions: ['卖完了还会补货吗', '补货了能通知我吗', '卖完的尺码还会再上吗', '能帮我留一件吗'],
  },
  {
    locale: 'en',
    title: 'Rewards and loyalty points',
    answer:
      "We don't run a points or loyalty programme at the moment. Newsletter subscribers hear about sales first and now and then get a subscriber-only code: subscribe at the bottom of any page.",
    questions: [
      'do you have a rewards program',
      'can I collect loyalty points',
      'are there perks for regular customers',
    ],
    quickReplies: ['Subscribe to the newsletter'],
  },
  {
    locale: 'zh',
    title: '会员与积分',
    answer:
      '我们目前没有会员积分计划。订阅促销邮件的顾客会最先收到优惠信息，不定期还有订阅专享优惠码：在任意页面底部即可订阅。',
    questions: ['有会员积分吗', '购物能攒积分吗', '会员有什么福利'],
    quickReplies: ['订阅促销邮件'],
  },
  {
    locale: 'en',
    title: 'When no one is home for the delivery',
    answer:
      'If no one is home, the courier leaves a note and tries again the next working day, or takes the parcel to a pickup point nearby; the note and the tracking link say which. Once your order has shipped, the tracking link also lets you choose a safe place or a neighbour, or another day. After the last attempt, an uncollected parcel comes back to us and is refunded.',
    questions: [
      "what happens if I'm not at home when the parcel comes",
      'can the courier leave it with a neighbour',
      'can the driver leave the package at my door',
      'I missed the delivery, what now',
      'the parcel went back to the sender, what happens now',
    ],
  },
  {
    locale: 'zh',
    title: '送货时家里没人',
    answer:
      '如果家里没人，快递员会留下通知并在下一个工作日再次派送，或者把包裹放到附近的自提点，具体以通知和物流信息为准。发货后，还可以通过物流链接选择放在指定位置、交给邻居代收或改天派送。多次派送未成功的包裹会退回给我们并为您退款。',
    questions: [
      '送货的时候家里没人怎么办',
      '不在家的话快递放哪里',
      '可以放在门口或驿站吗',
      '能让邻居帮忙代收吗',
      '错过了派送怎么办',
      '派送失败，包裹被退回怎么办',
    ],
  },
  {
    locale: 'en',
    title: 'Where orders ship from',
    answer:
      'Orders ship from our warehouse, and the delivery options, prices and times for your address are shown at checkout before you pay. Once an order ships, its tracking link shows where the parcel is. If an item ships separately (for example from a supplier), its product page says so.',
    questions: [
      'where is your warehouse',
      'what country is your warehouse in',
      'do you dispatch from the UK or from abroad',
    ],
  },
  {
    locale: 'zh',
    title: '从哪里发货',
    answer:
      '订单从我们的仓库发出，送到您地址的配送方式、运费和时效会在付款前的结算页显示。发货后可以通过物流链接查看包裹位置。如果某件商品单独发货（例如由供应商直接发出），商品页面会注明。',
    questions: ['你们是哪里发货', '从哪里发货的', '发货仓库在什么地方', '是国内发货还是海外发货'],
  },
  {
    locale: 'en',
    title: 'Is this shop genuine?',
    answer:
      'We are a genuine, registered shop. The company behind it, with its address and registration details, is named on the legal notice ("About us" / "Imprint") linked at the bottom of every page. Checkout runs over an encrypted connection and card payments go through our payment provider; every order gets a confirmation e-mail with its order number, and items can be returned within 30 days for a refund. If something about an order worries you, a colleague can check it with you.',
    questions: [
      'is this website legit or a scam',
      'is this site legit',
      'how do I know you are not a scam',
      'are you a real company',
      'is this shop trustworthy',
      'is this a fake website',
      'who owns this store, are you real',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    locale: 'zh',
    title: '是正规店铺吗',
    answer:
      '我们是正规经营的店铺。运营公司的名称、地址和注册信息都写在每个页面底部的“关于我们 / 法律声明”里。结算页面全程加密，银行卡支付由支付服务商处理；每笔订单都会收到带订单号的确认邮件，商品收货后 30 天内可以退货退款。如果对某个订单有疑虑，可以转人工，同事会和您一起核实。',
    questions: [
      '你们是正规的吗',
      '这个网站正规靠谱吗',
      '会不会是骗子网站',
      '你们是真的公司吗',
      '在这里买东西可信吗',
    ],
    quickReplies: ['转人工客服'],
  },
  {
    locale: 'en',
    title: 'Are the products genuine?',
    answer:
      'Everything we sell is original: bought from the brands themselves or their authorised distributors, and checked when it reaches our warehouse. Each product page names the brand and the model. If something you received does not look genuine to you, tell me the order number and a colleague will look into it; you can also return it within 30 days.',
    questions: [
      'are your products authentic',
      'do you sell original brand products',
      'is everything you sell genuine',
      'are these real or replicas',
      'how do I know your products are not fakes',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    locale: 'zh',
    title: '商品是正品吗',
    answer:
      '我们销售的商品都是正品，直接从品牌方或其授权经销商采购，入库时也会检查。商品页面写明了品牌和型号。如果您觉得收到的商品不像正品，告诉我订单号，同事会为您核实；收货后 30 天内也可以退货。',
    questions: ['你们家卖的是正品吗', '都是正品吗', '担心买到假货', '有仿品吗', '商品质量有保证吗'],
    quickReplies: ['转人工客服'],
  },
  {
    locale: 'en',
    title: 'Is there a store to visit?',
    answer:
      'We are an online shop, so there is no store to visit: everything is ordered on the website and delivered to you (some areas also have pickup points). You can send items back within 30 days. Product pages have photos, sizes and details, and I can answer questions about any product here.',
    questions: [
      'do you have a physical store',
      'is there a shop I can visit',
      'where is your store located',
      'do you have a brick and mortar shop',
      'can I try clothes on in person before buying',
      'do you have a shop in my city I can go to',
      'can I visit one of your stores',
    ],
    quickReplies: ['Delivery options'],
  },
  {
    locale: 'zh',
    title: '有实体店吗',
    answer:
      '我们是网店，没有可以逛的实体门店：所有商品都在网站下单，送货上门（部分地区可选自提点）。收货后 30 天内可以寄回退货。商品页面有图片、尺码和详细说明，有任何问题也可以在这里问我。',
    questions: [
      '你们有实体店吗',
      '线下有门店吗',
      '可以去店里看看吗',
      '门店地址在哪',
      '有没有线下店可以试穿',
      '我们城市有你们的店吗',
    ],
    quickReplies: ['配送方式'],
  },
  {
    locale: 'en',
    title: 'Gift cards and store credit',
    answer:
      'A gift card is used at checkout: enter its code in the "Gift card" field, and whatever is left on it stays there for your next order. Store credit from a refund sits in your account and is applied at checkout when you are signed in. Gift cards are sold on the website in several amounts and arrive by e-mail. I can\'t see gift card balances here; a colleague can check one for you.',
    questions: [
      'how do I redeem a gift card',
      'where do I type in my gift card number',
      'can I pay with store credit from a refund',
      'how much is left on my gift card',
      'do you have gift vouchers for sale',
      'how do I check my gift card balance',
      'can I spend my account credit on a new order',
      'my gift card code is not accepted',
      'can I combine a gift card with another payment method',
      'do gift cards expire',
      'how do I redeem a voucher I was given',
    ],
    quickReplies: ['Payment methods', 'Talk to a person'],
  },
  {
    locale: 'zh',
    title: '礼品卡与账户余额',
    answer:
      '礼品卡在结算时使用：在“礼品卡”一栏输入卡号，没用完的金额会留在卡里，下次还能用。退款退回的账户余额会在您登录后结算时自动抵扣。礼品卡可以在网站购买，有多种面额，通过邮件发送。我在聊天里看不到礼品卡余额，需要的话可以请同事帮您查询。',
    questions: [
      '礼品卡怎么使用',
      '礼品卡卡号在哪里输入',
      '账户余额能抵扣货款吗',
      '礼品卡里还剩多少钱',
      '你们卖礼品卡吗',
      '怎么用礼品卡付款',
      '礼品卡查询余额',
      '退款到余额了怎么用',
      '礼品卡有有效期吗',
      '购物卡可以和别的支付方式一起用吗',
      '朋友送了我一张礼品卡',
    ],
    quickReplies: ['支付方式', '转人工客服'],
  },
  {
    locale: 'en',
    title: 'Gift wrapping and gift notes',
    answer:
      'Yes: tick "This is a gift" at checkout to have the items wrapped and to add a short note, which we print on a card in the parcel. Gift parcels carry a gift receipt instead of prices, so the person who gets it can still return or exchange it.',
    questions: [
      'do you offer gift wrapping',
      'can I include a personal note with the gift',
      'can you wrap my order in paper',
      'can the parcel be sent without the prices showing',
      'will a gift receipt be included in the box',
      'I am sending this as a present, can you wrap it',
      'can I write a birthday card message',
      'is there a gift box option',
      'is there a charge for gift wrapping',
      'ship it as a gift to my friend with a note',
    ],
  },
  {
    locale: 'zh',
    title: '礼品包装与贺卡',
    answer:
      '可以的：结算时勾选“这是礼物”，商品会包装好，还可以留一段话，我们会印在卡片上放进包裹。礼物包裹里放的是不含价格的礼品单，收礼的人照样可以退换货。',
    questions: [
      '可以做礼品包装吗',
      '能帮忙把商品包起来送人吗',
      '可以附上贺卡留言吗',
      '包裹里能不放价格吗',
      '送礼的话有礼品单吗',
      '礼品包装要加钱吗',
      '有礼盒包装吗',
      '能帮我写几句生日祝福吗',
      '直接寄给朋友当礼物可以吗',
      '能不能不放发货单',
    ],
  },
  {
    locale: 'en',
    title: 'The website or app is not working',
    answer:
      'Sorry about that. Most page problems go away after reloading the page, signing out and back in, or trying another browser or the latest version of the app (clearing the browser cache helps too). If it still does not work, tell me what you were doing and what you saw, such as an error message or a blank page, and a colleague will look into it. Orders you have already placed are not affected.',
    questions: [
      'the website is not working',
      'your site keeps crashing on my phone',
      'the page will not open',
      'the app freezes when I start it',
      'I keep seeing an error on your website',
      'the site is down',
      'the page is blank',
      'nothing loads on your website',
      'the app is broken after the update',
      'the page just keeps loading',
      'there is a bug on your site',
      'buttons on the page do nothing when I click',
      'the app crashes when I open my cart',
      'your website is really slow today',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    locale: 'zh',
    title: '网站或App无法正常使用',
    answer:
      '抱歉给您带来不便。页面出问题时，多数情况刷新页面、退出后重新登录，或者换个浏览器、把App更新到最新版本就能解决（清除浏览器缓存也有帮助）。如果还是不行，请告诉我您当时在做什么、看到了什么（比如错误提示或空白页面），同事会帮您排查。已经下好的订单不受影响。',
    questions: [
      '网站用不了了',
      '页面加载不出来',
      'app一打开就闪退',
      '网页一直报错',
      '页面显示一片空白',
      '网站是不是出故障了',
      '网页卡住不动了',
      '网页打不开，一直转圈',
      'App用不了',
      '手机上打不开你们的网站',
      '页面一直显示错误',
      '点按钮没反应',
      '更新以后App崩溃了',
    ],
    quickReplies: ['转人工客服'],
  },
];
