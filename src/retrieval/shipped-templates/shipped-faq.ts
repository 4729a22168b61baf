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
];
