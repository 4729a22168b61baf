/** UI strings. Only the widget's own chrome is translated; messages arrive already localised. */
const STRINGS = {
  en: {
    openChat: 'Open chat',
    closeChat: 'Close chat',
    title: 'Concierge',
    subtitle: 'We usually reply in seconds',
    placeholder: 'Type your message…',
    inputLabel: 'Message',
    send: 'Send',
    endChat: 'End chat',
    conversation: 'Conversation',
    typing: 'typing…',
    connecting: 'Connecting…',
    reconnecting: 'Connection lost — reconnecting…',
    offline: 'You are offline. Messages will be sent when you are back.',
    sending: 'Sending…',
    notSent: 'Not sent yet — will retry',
    queued: 'Connecting you to an agent…',
    agentJoined: '{name} joined the chat',
    agentSubtitle: 'You are chatting with {name}',
    resolved: 'This conversation has ended.',
    ratePrompt: 'How did we do?',
    star: '{n} out of 5 stars',
    comment: 'Anything to add? (optional)',
    submitRating: 'Send rating',
    thanks: 'Thank you for your feedback!',
    unread: '{n} unread messages',
    you: 'You',
    bot: 'Assistant',
    agent: 'Agent',
    order: 'Order {number}',
    eta: 'Estimated delivery: {eta}',
    track: 'Track package',
    'status.pending': 'awaiting payment',
    'status.paid': 'paid',
    'status.processing': 'being prepared',
    'status.shipped': 'on its way',
    'status.delivered': 'delivered',
    'status.cancelled': 'cancelled',
    'status.returned': 'returned',
    'status.refunded': 'refunded',
    view: 'View',
    error: 'Could not send: {message}',
  },
  zh: {
    openChat: '打开在线客服',
    closeChat: '关闭聊天',
    title: '在线客服',
    subtitle: '通常几秒内回复',
    placeholder: '请输入消息…',
    inputLabel: '消息',
    send: '发送',
    endChat: '结束对话',
    conversation: '对话',
    typing: '正在输入…',
    connecting: '正在连接…',
    reconnecting: '连接已断开，正在重新连接…',
    offline: '您已离线，恢复网络后消息会自动发送。',
    sending: '发送中…',
    notSent: '尚未发送，将自动重试',
    queued: '正在为您转接人工客服…',
    agentJoined: '{name} 已加入对话',
    agentSubtitle: '{name} 正在为您服务',
    resolved: '本次对话已结束。',
    ratePrompt: '请为本次服务评分',
    star: '{n} 星（满分 5 星）',
    comment: '还有什么想说的吗？（选填）',
    submitRating: '提交评价',
    thanks: '感谢您的反馈！',
    unread: '{n} 条未读消息',
    you: '我',
    bot: '智能助手',
    agent: '客服',
    order: '订单 {number}',
    eta: '预计送达：{eta}',
    track: '查看物流',
    'status.pending': '待付款',
    'status.paid': '已付款',
    'status.processing': '备货中',
    'status.shipped': '已发货',
    'status.delivered': '已签收',
    'status.cancelled': '已取消',
    'status.returned': '已退货',
    'status.refunded': '已退款',
    view: '查看',
    error: '发送失败：{message}',
  },
} as const;

export type Locale = keyof typeof STRINGS;
export type StringKey = keyof (typeof STRINGS)['en'];

/** `zh`, `zh-CN`, `zh-Hant`… → zh; everything else → en. */
export function pickLocale(...candidates: (string | null | undefined)[]): Locale {
  for (const c of candidates) {
    if (!c) continue;
    return c.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }
  return 'en';
}

/** An order status as the shopper reads it; a status the widget does not know is shown as sent. */
export function statusLabel(locale: Locale, status: string): string {
  const key = `status.${status}`;
  return key in STRINGS[locale] ? t(locale, key as StringKey) : status;
}

export function t(
  locale: Locale,
  key: StringKey,
  vars: Record<string, string | number> = {},
): string {
  return STRINGS[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
