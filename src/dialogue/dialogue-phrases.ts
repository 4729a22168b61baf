import type { Locale } from './dialogue.types';

/**
 * The dialogue's own prompts (asking for an order number, confirming, clarifying, falling back).
 * Answers about the shop come from the shop's templates; these are the conversation mechanics.
 */
export const PHRASES = {
  askOrderNumber: {
    en: 'Sure — what is your order number? You can find it in your confirmation e-mail (e.g. A10234).',
    zh: '好的，请告诉我您的订单号（可以在确认邮件里找到，例如 A10234）。',
  },
  pickOrder: {
    en: 'Which order do you mean? Here are your latest ones, or type its number.',
    zh: '请问是哪一个订单？下面是您最近的订单，也可以直接输入订单号。',
  },
  productNotFound: {
    en: "I couldn't find a product by that name in our shop. A link to its page, or its name as the page shows it, would help; a colleague can also look into it.",
    zh: '店里没有找到这个名字的商品。发一下商品页面的链接，或者页面上显示的商品名称，我再帮您查；也可以转人工客服。',
  },
  accountCompromised: {
    en: 'If someone else may have got into your account, change your password now (Sign in → "Forgot password?") and check your recent orders and saved addresses. A colleague can go through your account\'s recent activity with you.',
    zh: '如果怀疑账号被他人登录，请立即修改密码（登录 → “忘记密码”），并检查最近的订单和收货地址。同事可以和您一起核查账号最近的操作记录。',
  },
  iAmBot: {
    en: "I'm the shop's virtual assistant, not a person. I can help with orders, deliveries, returns and products, and a colleague is one tap away whenever you prefer.",
    zh: '我是店铺的智能客服助手，不是真人。订单、物流、退换货和商品的问题都可以帮您；想找真人客服，随时点下面的按钮。',
  },
  notResolved: {
    en: "Sorry that didn't solve it. A colleague can look into it with you.",
    zh: '抱歉还没能帮您解决。可以转人工客服，同事会帮您进一步处理。',
  },
  noOrderNumber: {
    en: 'No problem. The order number is in the confirmation e-mail we sent after checkout (it looks like A10234). If you sign in, I can see your orders myself, or a colleague can find it from your e-mail address.',
    zh: '没关系。订单号在下单后收到的确认邮件里（格式类似 A10234）。登录后我可以直接查看您的订单，也可以转人工，同事可以根据您的邮箱帮您查找。',
  },
  guestOrderNumber: {
    en: "No account needed: the order number from your confirmation e-mail (it looks like A10234) is enough, and I'll check it with the e-mail address you ordered with.",
    zh: '不需要账号：提供确认邮件里的订单号（格式类似 A10234）就可以，我会用您下单时填写的邮箱核对。',
  },
  askOrderNumberAgain: {
    en: "I couldn't find an order number in that. Could you type it again? It looks like A10234.",
    zh: '没有识别到订单号，麻烦再发一次，格式类似 A10234。',
  },
  orderNotFound: {
    en: "I couldn't find an order with the number {number}. Could you check it and send it again? It looks like A10234 and is in your order confirmation e-mail.",
    zh: '没有找到订单号为 {number} 的订单，请核对后再发一次。订单号格式类似 A10234，可以在订单确认邮件里找到。',
  },
  addressNotedAskNumber: {
    en: "Got it, I'll use that address. Which order should go there? Please type its number (it is in your confirmation e-mail, e.g. A10234).",
    zh: '好的，新地址已记下。请问是哪个订单要改到这个地址？请输入订单号（在确认邮件里，例如 A10234）。',
  },
  addressNotedAskEmail: {
    en: "Got it, I'll use that address. First, to protect your privacy, please type the e-mail address used for order {number}.",
    zh: '好的，新地址已记下。为保护您的隐私，请先输入下单时使用的邮箱（订单 {number}）。',
  },
  askOrderEmail: {
    en: 'To protect your privacy, please type the e-mail address used for order {number}.',
    zh: '为保护您的隐私，请输入下单时使用的邮箱（订单 {number}）。',
  },
  orderEmailRetry: {
    en: "That e-mail doesn't match order {number}. Please check it and type it again, or talk to a person.",
    zh: '邮箱与订单 {number} 不符。请核对后重新输入，或转人工客服。',
  },
  noOrderEmail: {
    en: 'No problem. If you have an account, sign in: your orders are under My account → Orders and I can see them too. Otherwise a colleague can check order {number} with you in another way.',
    zh: '没关系。如果您有账户，登录后可以在“我的账户 → 我的订单”里看到订单，我也能直接查看。没有账户的话，可以转人工，同事会用其他方式帮您核实订单 {number}。',
  },
  orderEmailMismatch: {
    en: "That e-mail doesn't match order {number}, so I can't show its details. A colleague can help you if you like.",
    zh: '邮箱与订单 {number} 不符，无法显示订单详情。如需帮助，可以为您转接人工客服。',
  },
  notYourOrder: {
    en: "Order {number} isn't linked to your account, so I can't show its details. Please check the number.",
    zh: '订单 {number} 不属于您的账户，无法显示详情，请核对订单号。',
  },
  orderStatus: {
    en: 'Order {number} is {status}.{eta}{tracking}',
    zh: '订单 {number} 当前状态：{status}。{eta}{tracking}',
  },
  orderEta: { en: ' Expected delivery: {eta}.', zh: '预计送达：{eta}。' },
  orderTracking: { en: ' Track it here: {url}', zh: '物流跟踪：{url}' },
  deliveredNotReceived: {
    en: " If it hasn't reached you, check with neighbours and your building's reception first; if it's not there, a colleague will open a trace with the carrier.",
    zh: '如果您还没有收到，请先问问邻居或前台、快递柜；仍然找不到的话，我们的同事会联系快递公司核查。',
  },
  markedDeliveredOnItsWay: {
    en: " Our records still show it on its way: carriers sometimes scan a parcel as delivered shortly before it reaches the door. If it hasn't turned up by the end of tomorrow, check with neighbours and your building's reception; if it's not there, a colleague will open a trace with the carrier.",
    zh: '我们这边显示包裹仍在运输中，快递有时会在送到前提前标记签收。如果明天之内还没收到，请先问问邻居或前台、快递柜；仍然找不到的话，我们的同事会联系快递公司核查。',
  },
  cannotHurry: {
    en: " I can't speed it up from here, but a colleague can ask the warehouse or the carrier about it.",
    zh: '我这边没办法直接加快，可以转人工客服帮您联系仓库或快递催一下。',
  },
  cancelledNotComing: {
    en: " It won't be delivered, and any payment for it goes back to your original payment method. If you didn't cancel it, a colleague can look into it.",
    zh: '这个订单不会发货，已付款项会原路退回。如果不是您取消的，可以转人工客服核实。',
  },
  confirmCancel: {
    en: 'Order {number} ({items}) is {status}. Do you want me to cancel it?',
    zh: '订单 {number}（{items}）当前状态：{status}。确定要取消吗？',
  },
  cancelled: {
    en: 'Done — order {number} is cancelled. Your refund goes back to your original payment method.',
    zh: '已为您取消订单 {number}，款项将原路退回。',
  },
  cancelKept: {
    en: "OK, I haven't changed anything. Order {number} stays as it is.",
    zh: '好的，订单 {number} 保持不变。',
  },
  cannotCancel: {
    en: 'Order {number} is already {status}, so it can no longer be cancelled here. You can return it once it arrives, or talk to a colleague.',
    zh: '订单 {number} 当前状态：{status}，无法在线取消。收货后可以申请退货，或者转人工客服处理。',
  },
  refundSent: {
    en: 'sent back to your original payment method',
    zh: '已退回原支付账户',
  },
  refundOnCancel: {
    en: 'on its way back to your original payment method, as the order was cancelled',
    zh: '因订单已取消，正在原路退回',
  },
  refundOnCancelSent: {
    en: 'sent back to your original payment method when the order was cancelled',
    zh: '已在订单取消时退回原支付账户',
  },
  noRefundUnderWay: {
    en: "I can't see a refund on your recent orders: none of them has been returned or cancelled. A refund starts once returned items reach us, usually a few days after you send them. If it's about an older order, tell me its number.",
    zh: '您最近的订单中没有退款记录：没有已退货或已取消的订单。退回的商品到达我们这里后才会开始退款，通常在寄出后几天内。如果是更早的订单，请告诉我订单号。',
  },
  refundProcessing: {
    en: 'being processed: your returned items have reached us',
    zh: '处理中（退回的商品已收到）',
  },
  noRefundOnOrder: {
    en: 'I can\'t see a refund on order {number}: it is {status}. A refund starts once returned items reach us; to ask for one, open the order under My account → Orders → "Return or refund".',
    zh: '订单 {number} 目前没有退款记录，当前状态：{status}。退回的商品到达后才会开始退款；如需申请，请在“我的账户 → 我的订单 → 退货/退款”中提交。',
  },
  buyThis: {
    en: 'Good choice! Open {title} from its card to add it to your cart.',
    zh: '好的！点开下面的 {title} 即可加入购物车。',
  },
  buyThisSoldOut: {
    en: "{title} is out of stock right now, so it can't be ordered yet. I can suggest something similar if you like.",
    zh: '{title} 暂时缺货，现在还不能下单。需要的话我可以推荐类似的商品。',
  },
  complaintPassedOn: {
    en: "I'm sorry about that. I've passed it to a colleague together with order {number}; they will reply here. If there is anything to add, write it here.",
    zh: '非常抱歉。已经把情况连同订单 {number} 转给同事，他们会在这里回复您。如有补充，直接在这里留言即可。',
  },
  whatNowPerson: {
    en: "If the steps above don't sort it out, a colleague can look into it with you: tap below to talk to one.",
    zh: '如果按上面的方法还解决不了，可以转人工客服，同事会帮您具体处理。',
  },
  complaintNextStep: {
    en: 'A colleague will sort this out with you: tap below to talk to one.',
    zh: '这个需要同事帮您处理，点下面的按钮转人工客服即可。',
  },
  changedMindLead: {
    en: "That's fine, you don't need a reason: unused items in their original packaging can be sent back.",
    zh: '没关系，不需要理由：未使用、包装完好的商品都可以退回。',
  },
  doesNotFitLead: {
    en: "Sorry it doesn't fit. For another size, send it back as below and order the size you want (each product page has a size guide).",
    zh: '抱歉尺码不合适。想换尺码的话，按下面的步骤退回，再下单您需要的尺码（商品页面有尺码表）。',
  },
  doesNotFitExchange: {
    en: "Sorry it doesn't fit. For another size, send it back from order {number} as described above and order the size you want (the product page has a size guide); the refund for the return is made once it reaches us.",
    zh: '抱歉尺码不合适。想换尺码的话，请按上面的步骤退回订单 {number} 里的商品，再下单您需要的尺码（商品页面有尺码表）；退回的商品到达后会为您退款。',
  },
  returnOnceArrived: {
    en: 'Order {number} is still on its way, so it can be sent back once it arrives.{eta}',
    zh: '订单 {number} 还在运输中，到货后才能申请退货。{eta}',
  },
  refundByCancelling: {
    en: 'Order {number} is {status} and has not shipped yet, so the quickest way to get your money back is to cancel it: the payment is refunded in full.',
    zh: '订单 {number} 当前状态：{status}，还没有发货，最快的退款方式是直接取消订单，货款会全额退回。',
  },
  notPaidYet: {
    en: 'Order {number} is awaiting payment, so nothing has been charged for it yet. If you no longer want it, you can cancel it.',
    zh: '订单 {number} 还在待付款状态，尚未扣款。如果不想要了，可以直接取消。',
  },
  cancelThisOrder: { en: 'Cancel order {number}', zh: '取消订单 {number}' },
  invoiceAfterShipping: {
    en: 'Order {number} is {status}. Its invoice appears under My account → Orders → {number} → "Invoice" as soon as it ships.',
    zh: '订单 {number} 当前状态：{status}。发货后即可在“我的账户 → 我的订单 → {number} → 发票”中查看发票。',
  },
  closedOrderUnchangeable: {
    en: 'Order {number} is {status}, so it can no longer be changed. To get the items you want, place a new order; I can help you find them.',
    zh: '订单 {number} 当前状态：{status}，已无法修改。如需购买想要的商品，请重新下单，我可以帮您查找商品。',
  },
  noInvoiceCancelled: {
    en: 'Order {number} was cancelled, so no invoice was issued for it. If you were charged for it, a colleague can look into that.',
    zh: '订单 {number} 已取消，因此没有开具发票。如果已经扣款，可以转人工客服核实。',
  },
  noCancellableOrder: {
    en: 'None of your recent orders can be cancelled any more: the latest, {number}, is {status}. Something you received can be returned instead. If you meant another order, type its number.',
    zh: '您最近的订单都已无法取消：最新的订单 {number} 当前状态：{status}。已收到的商品可以申请退货；如果是其他订单，请输入订单号。',
  },
  noAddressChangeableOrder: {
    en: 'None of your recent orders can have its address changed any more: the latest, {number}, is {status}. If you meant another order, type its number.',
    zh: '您最近的订单都已无法修改地址：最新的订单 {number} 当前状态：{status}。如果是其他订单，请输入订单号。',
  },
  askNewAddress: {
    en: 'What is the new delivery address for order {number}? Please write it as: street, city, postcode, country.',
    zh: '请告诉我订单 {number} 的新收货地址，例如：上海市浦东新区世纪大道100号，或“街道，城市，邮编，国家”。',
  },
  addressUnclear: {
    en: 'I need the street, city and country, separated by commas — e.g. "12 High St, Leeds, LS1 4AB, United Kingdom".',
    zh: '请写清城市和街道门牌，例如：“上海市黄浦区南京东路100号”，或用逗号分隔：“南京路100号，上海，200001，中国”。',
  },
  confirmAddress: {
    en: 'Change the delivery address of order {number} to "{address}"?',
    zh: '确认把订单 {number} 的收货地址改为“{address}”吗？',
  },
  addressChanged: {
    en: 'Done — order {number} will be delivered to {address}.',
    zh: '已修改，订单 {number} 将寄往：{address}。',
  },
  addressForColleague: {
    en: "Noted: {address}. As the order can't be changed here any more, a colleague would have to ask the carrier to redirect it. Shall I pass it on?",
    zh: '已记下新地址：{address}。这个订单已经不能在这里改地址了，需要同事联系快递改派。要帮您转给同事吗？',
  },
  cannotChangeAddress: {
    en: 'Order {number} is already {status}, so its address can no longer be changed here. A colleague may still be able to help.',
    zh: '订单 {number} 当前状态：{status}，无法再修改地址。可以为您转接人工客服看看。',
  },
  keptAddress: { en: 'OK, the address stays as it was.', zh: '好的，地址保持不变。' },
  whatCanIDo: {
    en: 'Sure. What can I help you with?',
    zh: '好的，请问有什么可以帮您？',
  },
  shownInColour: { en: 'Listed in {colour}:', zh: '有{colour}的款式：' },
  noneInColour: {
    en: 'None of these is listed in {colour}; each product page shows the colours it comes in.',
    zh: '这几款都没有标注{colour}，商品详情页会列出可选的颜色。',
  },
  oneNotInColour: {
    en: "{title} isn't listed in {colour}; its product page shows the colours it comes in.",
    zh: '{title} 没有标注{colour}，商品详情页会列出可选的颜色。',
  },
  sizesOnProductPage: {
    en: 'Sizes are chosen on each product page, which shows the ones in stock and a size guide: open a product to pick yours.',
    zh: '尺码在商品详情页选择，页面会显示有货的尺码和尺码表，点开商品即可选择。',
  },
  reorder: {
    en: 'Here is what was in order {number}. Open a product from its card to add it to your cart again.',
    zh: '订单 {number} 里的商品如下，点开商品卡片即可再次加入购物车。',
  },
  stillHere: {
    en: "Yes, I'm here! What can I help you with?",
    zh: '在的！请问有什么可以帮您？',
  },
  stillHereWaiting: {
    en: "Yes, I'm here. Go ahead whenever you're ready.",
    zh: '在的，您请说。',
  },
  upsetEmoji: {
    en: "Sorry to see you're upset. Tell me what happened and I'll do my best to help, or I can get a colleague.",
    zh: '抱歉让您不开心了。告诉我发生了什么，我尽力帮您；也可以转人工客服。',
  },
  acknowledged: {
    en: 'Great. Is there anything else I can help with?',
    zh: '好的～还有什么可以帮您的吗？',
  },
  anythingElse: {
    en: 'No problem. Is there anything else I can help with?',
    zh: '好的。还有什么可以帮您的吗？',
  },
  clarify: {
    en: 'Just to be sure, which of these do you mean?',
    zh: '想确认一下，您指的是哪一个？',
  },
  fallback: {
    en: "Sorry, I'm not sure I can help with that. You can rephrase it, or talk to a person.",
    zh: '抱歉，这个问题我可能帮不上忙。您可以换个说法，或者转人工客服。',
  },
  fallbackDidYouMean: {
    en: "Sorry, I'm not sure I understood. Did you mean this? Otherwise you can rephrase it, or talk to a person.",
    zh: '抱歉，我不太确定您的意思。您是想问这个吗？也可以换个说法，或者转人工客服。',
  },
  escalated: {
    en: "I'm connecting you to a colleague who can help. Please stay in the chat.",
    zh: '正在为您转接人工客服，请稍候，不要离开聊天窗口。',
  },
  recommend: { en: 'Here are some popular picks{category}:', zh: '为您推荐{category}热销商品：' },
  recommendCategory: { en: ' in {category}', zh: '「{category}」' },
  recommendAround: {
    en: 'Here are some picks{category} around {price}:',
    zh: '为您推荐{price}左右的{category}商品：',
  },
  nothingAround: {
    en: "I couldn't find anything{category} around {price}; these are the least expensive:",
    zh: '没有找到{price}左右的{category}商品，以下是价格最低的几款：',
  },
  recommendUnder: {
    en: 'Here are some picks{category} under {price}:',
    zh: '为您推荐{price}以内的{category}商品：',
  },
  recommendCheap: {
    en: 'Here are some good-value picks{category}:',
    zh: '为您推荐{category}高性价比商品：',
  },
  pricesInOtherCurrency: {
    en: 'Our prices are in {currency}, so here are the least expensive{category}:',
    zh: '我们的商品以 {currency} 标价，以下是{category}价格最低的几款：',
  },
  nothingUnder: {
    en: "I couldn't find anything{category} under {price}; these are the least expensive:",
    zh: '没有找到{price}以内的{category}商品，以下是价格最低的几款：',
  },
  invoiceRequestPassed: {
    en: "I've passed this to our team: a colleague will issue the invoice for order {number} with your company details and reply here. If you haven't yet, please send the company name, address and VAT number.",
    zh: '已转给同事处理：会为订单 {number} 开具带公司抬头的发票，并在这里回复您。如果还没提供，请发送公司名称、地址和税号。',
  },
  companyDetailsNoted: {
    en: 'Noted. Which order is the invoice for? Tap it or type its number, and I will pass it to our team with your details.',
    zh: '好的，已记下。请问是哪个订单的发票？点选订单或输入订单号，我把信息一起转给同事。',
  },
  personalInvoice: {
    en: 'Then nothing needs to be requested: download it as described above. Tell me the order number if you would like me to check that order.',
    zh: '好的，个人发票无需另外申请，按上面的方法下载即可。需要我帮您查看某个订单的话，告诉我订单号。',
  },
  askCompanyInvoiceOrder: {
    en: 'Sure. Which order should the invoice with your company details be for? Tap it or type its number, and I will pass it to our team.',
    zh: '好的。请问要为哪个订单开公司抬头的发票？点选订单或输入订单号，我转给同事处理。',
  },
  noOrderConfirmation: {
    en: "Sorry about that. The order confirmation usually arrives within a few minutes. If it isn't in your spam folder, check whether the payment was taken: if not, the order didn't go through and you can place it again; if it was, the e-mail address may have had a typo, and a colleague can find the order by your name or e-mail address.",
    zh: '抱歉给您带来不便。订单确认邮件通常几分钟内就会送达。如果垃圾邮件里也没有，请看一下是否已扣款：没有扣款说明订单未成功，可以重新下单；已经扣款的话，可能是邮箱地址填错了，同事可以按您的姓名或邮箱帮您查找订单。',
  },
  orderWentThrough: {
    en: "Your latest order, {number}, placed on {date}, went through: it is {status}. The confirmation went to {email}; if it isn't there, please check your spam folder.",
    zh: '您最近的订单 {number}（{date} 下单）已成功，当前状态：{status}。确认邮件已发送至 {email}，如果没看到，请查看垃圾邮件。',
  },
  orderHistory: {
    en: 'Your latest orders:\n{lines}\nTap one to see where it is.',
    zh: '您最近的订单：\n{lines}\n点击订单号可以查看物流状态。',
  },
  openOrders: {
    en: 'Your orders on the way:\n{lines}\nTap one to see where it is.',
    zh: '您还没送达的订单：\n{lines}\n点击订单号可以查看物流状态。',
  },
  noOpenOrders: {
    en: 'None of your orders is on its way right now. Your latest orders:\n{lines}\nTap one to see its details.',
    zh: '您目前没有在途的订单。最近的订单：\n{lines}\n点击订单号可以查看详情。',
  },
  noOrdersYet: {
    en: "I can't see any orders on your account yet.",
    zh: '您的账户里暂时还没有订单。',
  },
  orderHistoryNeedsSignIn: {
    en: "I can only list the orders of a signed-in shopper: sign in on the shop and open the chat again. Or tell me an order number and I'll look it up.",
    zh: '登录后我才能列出您的订单：请在商城登录后重新打开聊天窗口。也可以直接告诉我订单号，我帮您查。',
  },
  notFoundShowPopular: {
    en: "I couldn't find exactly that in our shop. Here is what's popular{category}:",
    zh: '店里暂时没有找到完全符合的商品，为您推荐{category}热销商品：',
  },
  noProducts: { en: "I couldn't find products for that right now.", zh: '暂时没有找到相关商品。' },
  ratingPrompt: {
    en: 'Thanks for chatting with us! How would you rate this conversation?',
    zh: '感谢您的咨询！请为本次服务打分。',
  },
  sorryToHear: { en: "I'm sorry about that.", zh: '非常抱歉给您带来不好的体验。' },
  whichProduct: {
    en: 'Which one do you mean? These fit what you wrote:',
    zh: '请问是哪一款？和您说的相符的有这些：',
  },
  productFacts: {
    en: '{title}: {price}{stock}. {description}If that does not answer your question, a colleague can help.',
    zh: '{title}：{price}{stock}。{description}如果没有解答您的问题，可以转人工客服。',
  },
  compareIntro: { en: 'Here they are side by side:', zh: '为您对比一下：' },
  compareOutro: {
    en: 'Each product page has the full details; a colleague can help you choose.',
    zh: '完整参数见各商品页面，也可以转人工客服帮您挑选。',
  },
  productBrief: { en: '{title}: {price}{stock}.', zh: '{title}：{price}{stock}。' },
  faqFollowUp: {
    en: "What I wrote above is all I know about that from our help pages, I'm afraid. A colleague can tell you more.",
    zh: '关于这个，我能提供的就是上面这些信息。更多细节可以转人工客服问同事。',
  },
  onlyOneShown: {
    en: "It's the only one of those we have: {title}, {price}{stock}.",
    zh: '目前只有这一款：{title}，{price}{stock}。',
  },
  cheapestShown: {
    en: 'The least expensive of those is {title}: {price}{stock}.',
    zh: '这几款里最便宜的是 {title}：{price}{stock}。',
  },
  popularShown: {
    en: 'Of those, the most popular with our shoppers is {title}: {price}{stock}.',
    zh: '这几款里最受欢迎的是 {title}：{price}{stock}。',
  },
  dearestShown: {
    en: 'The most expensive of those is {title}: {price}{stock}.',
    zh: '这几款里最贵的是 {title}：{price}{stock}。',
  },
  inStock: { en: ', in stock', zh: '，有货' },
  lowStock: { en: ', only {count} left', zh: '，仅剩 {count} 件' },
  outOfStock: { en: ', out of stock right now', zh: '，暂时缺货' },
  talkToPerson: { en: 'Talk to a person', zh: '转人工客服' },
  yes: { en: 'Yes', zh: '是的' },
  no: { en: 'No', zh: '不用了' },
  genericAnswer: {
    en: 'I can help with orders, deliveries, returns and refunds, payments and your account. What do you need?',
    zh: '我可以帮您处理订单、物流、退换货、退款、支付和账户问题，请问需要什么帮助？',
  },
} as const satisfies Record<string, Record<Locale, string>>;

/** Short labels for clarification quick replies. */
export const INTENT_LABELS: Record<string, Record<Locale, string>> = {
  cancel_order: { en: 'Cancel an order', zh: '取消订单' },
  change_order: { en: 'Change an order', zh: '修改订单' },
  change_shipping_address: { en: 'Change delivery address', zh: '修改收货地址' },
  check_cancellation_fee: { en: 'Cancellation fee', zh: '取消费用' },
  check_invoice: { en: 'Check an invoice', zh: '查看发票' },
  check_payment_methods: { en: 'Payment methods', zh: '支付方式' },
  check_refund_policy: { en: 'Refund policy', zh: '退款政策' },
  complaint: { en: 'Make a complaint', zh: '投诉' },
  contact_customer_service: { en: 'Contact customer service', zh: '联系客服' },
  contact_human_agent: { en: 'Talk to a person', zh: '转人工客服' },
  create_account: { en: 'Create an account', zh: '注册账户' },
  delete_account: { en: 'Delete my account', zh: '注销账户' },
  delivery_options: { en: 'Delivery options', zh: '配送方式' },
  delivery_period: { en: 'Delivery time', zh: '配送时效' },
  edit_account: { en: 'Edit my account', zh: '修改账户信息' },
  get_invoice: { en: 'Get an invoice', zh: '开发票' },
  get_refund: { en: 'Get a refund', zh: '申请退款' },
  newsletter_subscription: { en: 'Newsletter', zh: '订阅资讯' },
  payment_issue: { en: 'Payment problem', zh: '支付问题' },
  place_order: { en: 'Place an order', zh: '下单' },
  recover_password: { en: 'Reset my password', zh: '找回密码' },
  registration_problems: { en: 'Sign-up problem', zh: '注册问题' },
  review: { en: 'Leave a review', zh: '评价' },
  set_up_shipping_address: { en: 'Add a shipping address', zh: '设置收货地址' },
  switch_account: { en: 'Switch account', zh: '切换账户' },
  track_order: { en: 'Track my order', zh: '查询订单' },
  track_refund: { en: 'Refund status', zh: '退款进度' },
  greeting: { en: 'Hello', zh: '你好' },
  goodbye: { en: 'Goodbye', zh: '再见' },
  thanks: { en: 'Thanks', zh: '谢谢' },
  product_recommendation: { en: 'Product recommendations', zh: '商品推荐' },
  product_question: { en: 'Question about a product', zh: '商品咨询' },
};

export const STATUS_WORDS: Record<string, Record<Locale, string>> = {
  pending: { en: 'awaiting payment', zh: '待付款' },
  paid: { en: 'paid and being prepared', zh: '已付款，备货中' },
  processing: { en: 'being prepared', zh: '备货中' },
  shipped: { en: 'on its way', zh: '已发货' },
  delivered: { en: 'delivered', zh: '已签收' },
  cancelled: { en: 'cancelled', zh: '已取消' },
  returned: { en: 'returned', zh: '已退货' },
  refunded: { en: 'refunded', zh: '已退款' },
};

export function say(
  key: keyof typeof PHRASES,
  locale: Locale,
  values: Record<string, string | number> = {},
): string {
  return PHRASES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(values[name] ?? ''),
  );
}

const APOLOGY = /\b(?:sorry|apologi[sz]e)\b|抱歉|对不起|不好意思/i;

/**
 * Whether a reply already opens with an apology ("Sorry about the trouble with the payment…",
 * a shop's own "{{customer.firstName}}，非常抱歉…"): the policy's own "I'm sorry about that." in
 * front of it would say it twice.
 */
export function opensWithApology(text: string): boolean {
  const firstSentence = /^[^.!?。！？]*/.exec(text)?.[0] ?? '';
  return APOLOGY.test(firstSentence);
}
