import { ShippedTemplate } from './shipped-template';

/** 中文答复模板，每个意图一条。写法按国内电商客服的习惯，而不是英文的逐句翻译。 */
export const SHIPPED_TEMPLATES_ZH: ShippedTemplate[] = [
  {
    intent: 'cancel_order',
    locale: 'zh',
    title: '取消订单',
    variants: [
      {
        body: '您的订单 {{order.number}} 目前状态是：{{order.status}}。还没发货的话，可以在“我的账户 → 我的订单”里点“取消订单”，款项会在几个工作日内原路退回。如果已经发货，可以拒收，或者收货后 {{shop.returnWindowDays}} 天内申请退货。',
      },
      {
        body: '未发货的订单都可以直接取消：在“我的账户 → 我的订单”里找到订单，点“取消订单”即可。如果看不到这个按钮，说明包裹已经发出，收到后申请退货就行。把订单号发给我，我帮您查一下现在的状态。',
      },
    ],
    exampleQuestions: [
      '我想取消订单',
      '刚下的单能取消吗',
      '拍错了，帮我把订单取消掉',
      '订单 10023 还能取消吗',
      '不想要了，怎么撤销订单',
    ],
    quickReplies: ['查询订单状态', '转人工客服'],
  },
  {
    intent: 'change_order',
    locale: 'zh',
    title: '修改订单',
    variants: [
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}。打包之前，商品、尺码和数量都可以改：进入“我的账户 → 我的订单 → 修改订单”。如果已经没有修改入口，可以先取消（如果还能取消）再重新下单，或者转人工帮您处理。已经签收、想换尺码或颜色的话，请在签收后 {{shop.returnWindowDays}} 天内申请退货（“我的账户 → 我的订单 → 退货/退款”），再下单您想要的款式。',
      },
      {
        body: '订单在打包之前都可以加购、删减或更换商品：进入“我的账户 → 我的订单 → 修改订单”。告诉我订单号，我帮您看看现在还能不能改。已经签收、想换尺码或颜色的话，可以申请退货（“我的账户 → 我的订单 → 退货/退款”）后再下单想要的款式。',
      },
    ],
    exampleQuestions: [
      '订单里的东西想改一下',
      '能在订单里再加一件吗',
      '尺码拍错了，发货前能换吗',
      '把订单里的一个商品删掉',
      '已经下单了还能修改吗',
    ],
    quickReplies: ['取消订单', '转人工客服'],
  },
  {
    intent: 'change_shipping_address',
    locale: 'zh',
    title: '修改订单收货地址',
    variants: [
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}。未发货的话，可以在“我的账户 → 我的订单 → 修改地址”里直接改。包裹交给快递之后，只能通过快递公司的页面申请改派：{{order.trackingUrl}}',
      },
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}。未发货的话，可以在“我的账户 → 我的订单 → 修改地址”里直接改；如果已经发货，人工客服可以帮您联系快递改派。',
      },
      {
        body: '订单发货前，收货地址可以在“我的账户 → 我的订单 → 修改地址”里修改。把订单号发给我，我帮您看看现在还能不能改。',
      },
    ],
    exampleQuestions: [
      '收货地址填错了，怎么改',
      '能把包裹寄到另一个地址吗',
      '我搬家了，订单地址要换一下',
      '帮我修改一下订单的收货地址',
    ],
    quickReplies: ['查询物流', '转人工客服'],
  },
  {
    intent: 'check_cancellation_fee',
    locale: 'zh',
    title: '取消订单的费用',
    variants: [
      {
        body: '在 {{shop.name}}，订单发货前取消不收任何费用。发货之后就按退货处理：收货 {{shop.returnWindowDays}} 天内退回，商品金额全额退还，退货运费视退货原因而定。',
      },
      {
        body: '订单发货前取消不收任何费用。发货之后就按退货处理：商品金额全额退还，退货运费视退货原因而定。',
      },
    ],
    exampleQuestions: [
      '取消订单要扣钱吗',
      '取消订单有手续费吗',
      '现在取消会不会收违约金',
      '退单要付费吗',
    ],
    quickReplies: ['取消订单', '退款政策'],
  },
  {
    intent: 'check_invoice',
    locale: 'zh',
    title: '查看发票',
    variants: [
      {
        body: '订单 {{order.number}} 的发票在“我的账户 → 我的订单 → {{order.number}} → 发票”里可以查看。订单发货后发票就会出现在那里。',
      },
      {
        body: '所有发票都在“我的账户 → 我的订单”里：打开对应订单，点“发票”即可查看。订单发货后发票就会出现。',
      },
    ],
    exampleQuestions: [
      '在哪里看发票',
      '找不到我订单的发票',
      '以前的发票怎么查',
      '帮我看一下上一单的发票',
    ],
    quickReplies: ['开具发票', '转人工客服'],
  },
  {
    intent: 'check_payment_methods',
    locale: 'zh',
    title: '支付方式',
    variants: [
      {
        body: '{{shop.name}} 支持的付款方式以结算页面显示为准，一般包括支付宝、微信支付、银联卡和主流信用卡。具体可用的方式会在付款那一步列出来。',
      },
      {
        body: '支持的付款方式以结算页面显示为准，一般包括支付宝、微信支付、银联卡和主流信用卡。具体可用的方式会在付款那一步列出来。',
      },
    ],
    exampleQuestions: [
      '可以用什么方式付款',
      '支持支付宝吗',
      '能用信用卡付吗',
      '有哪些支付方式',
      '可以微信支付吗',
    ],
  },
  {
    intent: 'check_refund_policy',
    locale: 'zh',
    title: '退款政策',
    variants: [
      {
        body: '大部分商品在签收后 {{shop.returnWindowDays}} 天内，只要未使用、包装完好，都可以退货并全额退还商品金额。我们收到退货后 5–10 个工作日内原路退款。退货申请页面会显示这笔订单是否需要承担退货运费，并提供退货面单；超过 {{shop.returnWindowDays}} 天的，可以转人工客服确认能否特殊处理。',
      },
      {
        body: '大部分商品只要未使用、包装完好，都可以退货并全额退还商品金额。我们收到退货后 5–10 个工作日内原路退款。具体退货期限请看退换货说明页面，退货申请页面会显示是否需要承担退货运费并提供退货面单。',
      },
    ],
    exampleQuestions: [
      '你们的退款政策是什么',
      '不喜欢可以退吗',
      '几天内可以退货',
      '什么情况下可以退款',
    ],
    quickReplies: ['申请退款', '查询退款进度'],
  },
  {
    intent: 'complaint',
    locale: 'zh',
    title: '投诉',
    variants: [
      {
        body: '{{customer.firstName}}，非常抱歉给您带来不好的体验。请告诉我具体发生了什么，如果和订单有关请附上订单号，我会转给同事专门跟进。您也可以发邮件到 {{shop.supportEmail}}。',
      },
      {
        body: '非常抱歉给您带来不好的体验。请告诉我具体发生了什么，如果和订单有关请附上订单号，我会转给同事专门跟进。',
      },
    ],
    exampleQuestions: [
      '我要投诉',
      '你们的服务太差了，很不满意',
      '怎么投诉这个订单',
      '快递太慢了也没人管',
    ],
    quickReplies: ['转人工客服'],
  },
  {
    intent: 'contact_customer_service',
    locale: 'zh',
    title: '联系客服',
    variants: [
      {
        body: '我们的客服工作时间是 {{shop.supportHours}}。您可以直接在这里留言，也可以发邮件到 {{shop.supportEmail}}。',
      },
      {
        body: '您可以发邮件到 {{shop.supportEmail}} 联系客服，也可以直接在这里留言。',
      },
      {
        body: '您可以直接在这里联系客服：发送“人工”，就会有同事接手。',
      },
    ],
    exampleQuestions: ['怎么联系客服', '客服几点上班', '客服邮箱是多少', '什么时候能找到人工客服'],
    quickReplies: ['转人工客服'],
  },
  {
    intent: 'contact_human_agent',
    locale: 'zh',
    title: '转人工客服',
    variants: [
      {
        body: '好的，马上为您转接人工客服。客服工作时间是 {{shop.supportHours}}，之前的聊天记录同事都能看到，不用重复说明。',
      },
      {
        body: '好的，马上为您转接人工客服，之前的聊天记录同事都能看到，不用重复说明。',
      },
    ],
    exampleQuestions: [
      '转人工',
      '我要找真人客服',
      '帮我接通人工服务',
      '别让机器人回了，我要跟人说',
    ],
  },
  {
    intent: 'create_account',
    locale: 'zh',
    title: '注册账户',
    variants: [
      {
        body: '注册 {{shop.name}} 账户只要一分钟：点“登录 → 注册”，填写邮箱和密码，再点一下我们发给您的确认链接就好。之前用同一个邮箱以游客身份下的订单会自动关联到账户里。',
      },
      {
        body: '注册账户只要一分钟：点“登录 → 注册”，填写邮箱和密码，再点一下我们发给您的确认链接就好。之前用同一个邮箱以游客身份下的订单会自动关联到账户里。',
      },
    ],
    exampleQuestions: ['怎么注册账号', '我想注册一个会员', '怎样开通新账户', '新用户在哪里注册'],
    quickReplies: ['注册遇到问题'],
  },
  {
    intent: 'delete_account',
    locale: 'zh',
    title: '注销账户',
    variants: [
      {
        body: '您可以在“我的账户 → 隐私设置 → 注销账户”里自行注销。注销后我们会删除您的个人信息，法律要求保留的发票记录除外。注销前需要先完成或取消进行中的订单。也可以发邮件到 {{shop.supportEmail}}，我们帮您处理。',
      },
      {
        body: '您可以在“我的账户 → 隐私设置 → 注销账户”里自行注销。注销后我们会删除您的个人信息，法律要求保留的发票记录除外。注销前需要先完成或取消进行中的订单。',
      },
    ],
    exampleQuestions: [
      '帮我注销账号',
      '怎么删除我的账户',
      '我要你们删掉我所有的个人信息',
      '账户不用了，怎么销户',
    ],
    quickReplies: ['转人工客服'],
  },
  {
    intent: 'delivery_options',
    locale: 'zh',
    title: '配送方式',
    variants: [
      {
        body: '{{shop.name}} 提供普通快递和加急配送，部分地区还可以选择自提点。填写收货地址后，结算页面会显示可选的配送方式和运费。',
      },
      {
        body: '我们提供普通快递和加急配送，部分地区还可以选择自提点。填写收货地址后，结算页面会显示可选的配送方式和运费。',
      },
    ],
    exampleQuestions: [
      '有哪些配送方式',
      '能寄到香港吗',
      '可以发顺丰加急吗',
      '支持自提吗',
      '你们发哪些地区',
    ],
    quickReplies: ['多久能到货？'],
  },
  {
    intent: 'delivery_period',
    locale: 'zh',
    title: '配送时效',
    variants: [
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}，预计 {{order.eta}} 送达。',
      },
      {
        body: '普通快递一般发货后 3–5 个工作日送达，加急 1–2 个工作日。具体预计时间在订单确认邮件里；告诉我订单号，我帮您查一下。',
      },
    ],
    exampleQuestions: [
      '一般几天能到',
      '我的包裹什么时候到',
      '下单后多久能收到',
      '预计送达时间是哪天',
    ],
    quickReplies: ['查询物流'],
  },
  {
    intent: 'edit_account',
    locale: 'zh',
    title: '修改账户信息',
    variants: [
      {
        body: '姓名、邮箱、手机号和密码都可以在“我的账户 → 个人资料”里修改。新邮箱需要点击我们发送的确认链接后才会生效。',
      },
    ],
    exampleQuestions: [
      '怎么改绑定的邮箱',
      '我想更新账户信息',
      '修改个人资料里的手机号',
      '账户上的名字在哪里改',
    ],
  },
  {
    intent: 'get_invoice',
    locale: 'zh',
    title: '开具发票',
    variants: [
      {
        body: '订单 {{order.number}} 的电子发票可以在“我的账户 → 我的订单 → {{order.number}} → 发票”里下载 PDF。如果需要开公司抬头或填写税号，告诉我，我转给同事处理。',
      },
      {
        body: '电子发票都可以在“我的账户 → 我的订单 → 发票”里下载 PDF。如果需要开公司抬头或填写税号，把订单号告诉我，我转给同事处理。',
      },
    ],
    exampleQuestions: [
      '能给我开张发票吗',
      '我需要这个订单的收据',
      '发票怎么下载',
      '要开公司抬头的发票',
    ],
  },
  {
    intent: 'get_refund',
    locale: 'zh',
    title: '申请退款',
    variants: [
      {
        body: '订单 {{order.number}} 申请退款：进入“我的账户 → 我的订单 → 退货/退款”，选择商品和原因即可。签收后 {{shop.returnWindowDays}} 天内都可以申请，我们收到退货后原路退款。',
      },
      {
        body: '申请退款：进入“我的账户 → 我的订单 → 退货/退款”，选择商品和原因即可。我们收到退货后会原路退款。',
      },
    ],
    exampleQuestions: [
      '我要退款',
      '钱怎么退回来',
      '帮我把这个订单退了',
      '东西坏了，我要退款',
      '申请退钱',
    ],
    quickReplies: ['退款政策', '查询退款进度'],
  },
  {
    intent: 'newsletter_subscription',
    locale: 'zh',
    title: '订阅资讯',
    variants: [
      {
        body: '在任意页面底部或“我的账户 → 偏好设置”里都可以订阅 {{shop.name}} 的优惠资讯。想退订的话，点邮件末尾的退订链接，或在同一个地方取消勾选即可。',
      },
      {
        body: '在任意页面底部或“我的账户 → 偏好设置”里都可以订阅我们的优惠资讯。想退订的话，点邮件末尾的退订链接，或在同一个地方取消勾选即可。',
      },
    ],
    exampleQuestions: [
      '怎么订阅你们的邮件',
      '我想退订推送邮件',
      '帮我订阅优惠资讯',
      '别再给我发广告邮件了',
    ],
  },
  {
    intent: 'payment_issue',
    locale: 'zh',
    title: '支付问题',
    variants: [
      {
        body: '抱歉支付遇到了问题。如果付款没有成功，请确认卡信息无误、银行卡已开通网上支付，然后重试或换一种付款方式。如果重复扣款，或者已经扣款但订单 {{order.number}} 还显示“{{order.status}}”，多扣的款项通常几天内会由银行自动退回；没有退回的话，人工客服可以帮您核实并退款。',
      },
      {
        body: '抱歉支付遇到了问题。如果付款没有成功，请确认卡信息无误、银行卡已开通网上支付，然后重试或换一种付款方式。如果重复扣款，或者已经扣款却没收到订单确认，人工客服会帮您核实并退回多扣的钱。',
      },
    ],
    exampleQuestions: [
      '付款失败了',
      '钱扣了但是订单没生成',
      '信用卡一直付不了',
      '支付的时候报错',
      '同一个订单扣了两次钱',
    ],
    quickReplies: ['支付方式', '转人工客服'],
  },
  {
    intent: 'place_order',
    locale: 'zh',
    title: '下单',
    variants: [
      {
        body: '把想要的商品加入购物车，打开购物车点“去结算”就可以下单了。可以游客购买，也可以登录后购买；付款成功后会收到带订单号的确认邮件。如果还没想好买什么，告诉我需求，我帮您推荐。',
      },
    ],
    exampleQuestions: ['怎么下单', '我想买好几件东西', '在你们网站怎么购买', '没有账号可以下单吗'],
    quickReplies: ['帮我推荐', '支付方式'],
  },
  {
    intent: 'recover_password',
    locale: 'zh',
    title: '找回密码',
    variants: [
      {
        body: '点“登录 → 忘记密码”，输入注册邮箱，我们会发一个重置链接，一小时内有效。几分钟内没收到的话，请看一下垃圾邮件文件夹。',
      },
    ],
    exampleQuestions: ['密码忘了', '怎么重置密码', '登录不上我的账户', '重置密码的邮件一直没收到'],
    quickReplies: ['转人工客服'],
  },
  {
    intent: 'registration_problems',
    locale: 'zh',
    title: '注册遇到问题',
    variants: [
      {
        body: '抱歉注册不太顺利。最常见的原因是这个邮箱已经注册过（可以试试“忘记密码”），或者确认邮件进了垃圾箱。如果都不是，请告诉我页面上的报错信息，我转给同事处理。',
      },
    ],
    exampleQuestions: ['注册不了', '注册页面一直出错', '没收到注册确认邮件', '创建账户的时候报错'],
    quickReplies: ['找回密码', '转人工客服'],
  },
  {
    intent: 'review',
    locale: 'zh',
    title: '评价与反馈',
    variants: [
      {
        body: '{{customer.firstName}}，谢谢您愿意分享意见！订单签收后，可以在商品页面的“评价”里写评价。对 {{shop.name}} 的服务有什么建议，直接在这里说，我会转达。',
      },
      {
        body: '谢谢您愿意分享意见！订单签收后，可以在商品页面的“评价”里写评价。对我们的服务有什么建议，直接在这里说，我会转达。',
      },
    ],
    exampleQuestions: [
      '我想写个评价',
      '在哪里给商品评价',
      '怎么给买的东西打分',
      '我有些意见想反馈',
    ],
  },
  {
    intent: 'set_up_shipping_address',
    locale: 'zh',
    title: '添加收货地址',
    variants: [
      {
        body: '在“我的账户 → 收货地址 → 新增地址”里可以保存多个收货地址，并设置一个默认地址。结算时可以直接选已保存的地址，也可以新填一个。已经下单的订单仍按原地址配送；要改某个订单的地址，请点“修改收货地址”。',
      },
    ],
    exampleQuestions: [
      '怎么在账户里添加收货地址',
      '想再存一个收货地址',
      '设置默认收货地址',
      '收货地址保存不了',
    ],
    quickReplies: ['修改收货地址'],
  },
  {
    intent: 'switch_account',
    locale: 'zh',
    title: '切换账户',
    variants: [
      {
        body: '想换一个账户的话，在“我的账户”里点“退出登录”，再用另一个邮箱登录即可。订单会留在下单时用的账户里；如需转移订单，可以找人工客服。',
      },
    ],
    exampleQuestions: [
      '怎么切换到另一个账号',
      '登错账号了',
      '换一个账户登录',
      '能用我的另一个账户吗',
    ],
  },
  {
    intent: 'track_order',
    locale: 'zh',
    title: '查询物流',
    variants: [
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}，预计 {{order.eta}} 送达。{{order.carrier}} 物流详情：{{order.trackingUrl}}',
      },
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}。物流详情：{{order.trackingUrl}}',
      },
      {
        body: '订单 {{order.number}} 当前状态：{{order.status}}。发货后我们会把物流单号发到您的邮箱。',
      },
      {
        body: '我来帮您查。请发一下订单号，在确认邮件或“我的账户 → 我的订单”里都能找到。',
      },
    ],
    exampleQuestions: [
      '我的快递到哪了',
      '查一下物流',
      '订单发货了吗',
      '订单 10023 现在什么状态',
      '包裹一直没到',
    ],
    quickReplies: ['修改收货地址', '转人工客服'],
  },
  {
    intent: 'track_refund',
    locale: 'zh',
    title: '查询退款进度',
    variants: [
      {
        body: '订单 {{order.number}} 的退款 {{refund.amount}} 当前状态：{{refund.status}}。退款发出后，一般 5–10 个工作日到账，具体以银行为准。',
      },
      {
        body: '订单 {{order.number}} 的退款当前状态：{{refund.status}}。退款发出后，一般 5–10 个工作日到账，具体以银行为准。',
      },
      {
        body: '我们收到并检查完退货后就会退款，之后一般 5–10 个工作日到账。告诉我订单号，我帮您查一下进度。',
      },
    ],
    exampleQuestions: ['退款到哪一步了', '退款处理了吗', '钱还没退回来', '什么时候能收到退款'],
    quickReplies: ['转人工客服'],
  },
  {
    intent: 'greeting',
    locale: 'zh',
    title: '问候',
    variants: [
      { body: '{{customer.firstName}}，您好！有什么可以帮您？' },
      { body: '您好，欢迎来到 {{shop.name}}！有什么可以帮您？' },
      { body: '您好！有什么可以帮您？' },
    ],
    exampleQuestions: ['你好', '在吗', '早上好', '有人吗'],
    quickReplies: ['查询物流', '帮我推荐', '转人工客服'],
  },
  {
    intent: 'goodbye',
    locale: 'zh',
    title: '告别',
    variants: [
      { body: '{{customer.firstName}}，感谢您光临 {{shop.name}}，祝您生活愉快！' },
      { body: '感谢您的咨询，祝您生活愉快！' },
    ],
    exampleQuestions: ['再见', '没事了，拜拜', '好的，先这样', '下次再聊'],
  },
  {
    intent: 'thanks',
    locale: 'zh',
    title: '感谢',
    variants: [{ body: '不客气！还有其他可以帮您的吗？' }],
    exampleQuestions: ['谢谢', '太感谢了', '好的，谢谢你的帮助', '辛苦了'],
  },
  {
    intent: 'product_recommendation',
    locale: 'zh',
    title: '商品推荐',
    variants: [
      {
        body: '很乐意帮您挑选！说说您的需求吧：给谁买、什么场合、尺码或预算，我来推荐几款合适的。',
      },
    ],
    exampleQuestions: [
      '有什么推荐的吗',
      '送礼买什么好',
      '你们卖得最好的是哪些',
      '推荐几款和我上次买的差不多的',
    ],
  },
  {
    intent: 'product_question',
    locale: 'zh',
    title: '商品咨询',
    variants: [
      {
        body: '尺码、材质、洗护方式和库存都写在商品详情页上。告诉我是哪件商品（链接或名称）以及您想了解什么，我帮您查，或者问问同事。',
      },
    ],
    exampleQuestions: ['这条裙子有 M 码吗', '这件外套是什么面料', '这个还有货吗', '这款尺码偏小吗'],
  },
  {
    intent: 'oos',
    locale: 'zh',
    title: '兜底：未找到答案',
    variants: [
      {
        body: '抱歉，我没太明白您的意思。订单、物流、退换货、支付和账户的问题我都可以帮忙，也可以为您转接人工客服。',
      },
    ],
    exampleQuestions: [],
    quickReplies: ['查询物流', '退换货与退款', '转人工客服'],
  },
];
