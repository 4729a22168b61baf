/** What the shopper is told by the handoff itself (not by the bot), in their language. */
export const shopperNotices = {
  noAgentOnline: (locale: string) =>
    locale === 'zh'
      ? '目前没有客服在线。请留下您的电子邮箱，我们会尽快回复您。'
      : 'No one from our team is online right now. Leave your e-mail address here and we will get back to you.',
  ticketOpened: (locale: string, email: string) =>
    locale === 'zh'
      ? `谢谢！我们会通过 ${email} 联系您。`
      : `Thank you! We will reply to ${email} as soon as we can.`,
  /** A shopper writes again while nobody is online and no e-mail was left. */
  stillNoAgentOnline: (locale: string) =>
    locale === 'zh'
      ? '客服暂时还不在线。留下您的电子邮箱，我们会通过邮件回复；您也可以留在对话中，客服上线后会看到您的消息。'
      : 'Our team is still offline, sorry. Leave your e-mail address here and we will reply by e-mail, or stay in the chat: a colleague will see your messages when they are back.',
  /** A shopper writes again after leaving an e-mail address. */
  addedToTicket: (locale: string, email: string) =>
    locale === 'zh'
      ? `收到，已补充到您的请求中。我们会回复到 ${email}。`
      : `Got it, this is added to your request. We will reply to ${email}.`,
  /** A shopper writes while every colleague online is busy with other chats. */
  waitingInQueue: (locale: string, position: number) => {
    if (locale === 'zh')
      return position <= 1
        ? '客服都在忙，下一位就是您。请留在对话中，您写的消息客服都会看到。'
        : `客服都在忙，您前面还有 ${position - 1} 位。请留在对话中，您写的消息客服都会看到。`;
    return position <= 1
      ? 'All our colleagues are busy right now, and you are next in line. Please stay in the chat: they will see everything you write here.'
      : `All our colleagues are busy right now; you are number ${position} in line. Please stay in the chat: they will see everything you write here.`;
  },
};

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

/** The first e-mail address in a message, if any. */
export function findEmail(text: string): string | null {
  return EMAIL.exec(text)?.[0].toLowerCase() ?? null;
}
