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
};

const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[A-Za-z]{2,}/;

/** The first e-mail address in a message, if any. */
export function findEmail(text: string): string | null {
  return EMAIL.exec(text)?.[0].toLowerCase() ?? null;
}
