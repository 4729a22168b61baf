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
      'Our current offers are shown on the website and on the product pages, and a promo code goes into the "Discount code" field at checkout (one code per order). I can\'t change prices in the chat. To hear about sales first, subscribe to our newsletter at the bottom of any page.',
    questions: [
      'do you have any discount codes?',
      'is there a promo code I can use',
      'can you give me a discount',
      'are there any sales coming up',
      'do you offer a student discount',
      'any coupons for first orders?',
      'are there any deals on at the moment',
      'how do I use a coupon code',
    ],
    quickReplies: ['Subscribe to the newsletter'],
  },
  {
    locale: 'zh',
    title: '优惠与优惠码',
    answer:
      '当前的优惠活动会显示在网站和商品页面上，优惠码请在结算页的“优惠码”一栏填写（每笔订单限用一个）。聊天中无法改价，敬请谅解。想第一时间收到促销信息，可以在页面底部订阅我们的邮件通知。',
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
      'Yes: checkout runs over an encrypted connection and card payments are handled by our payment provider, so we never see or store your full card number. Your bank may ask you to confirm the payment in its app. If you notice a charge you do not recognise, tell us and a colleague will check it.',
    questions: [
      'is it safe to pay on your site',
      'is my card information secure',
      'do you store my credit card details',
      'is your checkout secure',
      'can I trust this website with my card',
    ],
    quickReplies: ['Payment methods'],
  },
  {
    locale: 'zh',
    title: '在网站付款安全吗',
    answer:
      '安全的：结算页面全程加密传输，银行卡支付由我们的支付服务商处理，我们看不到也不会保存您的完整卡号。付款时银行可能会要求您在其 App 中确认。如发现不认识的扣款，请告诉我们，同事会为您核查。',
    questions: [
      '在你们网站付款安全吗',
      '银行卡信息会泄露吗',
      '你们会保存我的卡号吗',
      '付款安全吗',
      '支付会不会不安全',
    ],
    quickReplies: ['支付方式'],
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
    ],
    quickReplies: ['配送方式'],
  },
];
