import { budgetOf } from './product-interest';
import type { ProductDetail, Understanding } from './dialogue.types';

/*
 * What a shopper's message says beyond its intent: yes or no, pointing back at what was just
 * discussed, an order number, a parcel that never came, a question about what the shop sells.
 * Pure functions of the text, in English and Chinese, used by the dialogue policy.
 */

/** A yes to the bot's confirmation question ("yes", "go ahead", "好的"). */
export const YES =
  /^(y|yes|yeah|yep|sure|ok|okay|confirm|please do|do it|go ahead|是|是的|对|对的|好|好的|确认|确定|可以|嗯|要)\b|^(是|好|对|确认|确定|可以|嗯)/i;
/**
 * Just "yes" / "是的" / "对", with nothing to say yes to: out of context the model reads these as
 * anything ("对" a complaint, "是" a product question, "yes" out of scope).
 */
export const BARE_YES =
  /^(?:y|yes|yeah|yep|yup|sure|right|correct|是|是的|对|对的|嗯|嗯嗯)[\s\p{P}]*$/iu;
/** A laugh, typed ("lol", "haha", "哈哈"). */
const LAUGH = /^(?:lol+|lmao|rofl|ha(?:ha)+|he(?:he)+|xd|哈{2,}|呵{2,}|嘿{2,}|嘻{2,})$/iu;
/** Friendly or approving emoji (not 👎, 😡 or 😞: those are not "fine, thanks"). */
const KIND_EMOJI = new RegExp(
  '^(?:👍|👌|🙏|😊|🙂|😀|😁|😃|😄|😆|😂|🤣|😉|☺|🥰|😍|❤|♥|💯|✅|🆗|👏|🤝|[\\u{1F3FB}-\\u{1F3FF}]|\\uFE0F|\\u200D)+$',
  'u',
);
/**
 * The whole message only acknowledges or laughs ("👍", "lol", "哈哈 👌"): nothing to answer, and
 * no failure to understand (the model declines these, or reads "lol" as placing an order).
 */
/** "The website won't let me log in", "登录不上去": signing in fails. */
export const CANNOT_SIGN_IN =
  /\b(?:won'?t|will not|doesn'?t|does not|can'?t|cannot|unable to|not able to)\s+(?:let me\s+)?(?:log ?in|sign ?in|login)\b|登(?:录|陆)不(?:上|了|进去)/i;
/** "Absolutely love my new shoes", "东西不错，下次还来": praise of a purchase or of the shop. */
export const PRAISE =
  /\b(?:love|loving|loved|adore|happy|pleased|satisfied|delighted|great|amazing|awesome|excellent|perfect|fantastic|wonderful|brilliant)\b|满意|喜欢|好评|不错|很好|很棒|好看|好用|五星/i;
/** ...unless it is negated or only half of the message ("not happy", "love it but it broke"). */
export const NOT_PRAISE =
  /\b(?:not|never|no longer|n'?t|but|however|except|although|though|unfortunately|sadly)\b|不满意|不喜欢|不太|不好|但是|可是|不过|就是/i;

/** "😡😡😡", "👎", "😭": upset, in nothing but emoji. */
export const ONLY_UPSET_EMOJI =
  /^[\s\p{P}]*(?:(?:😡|🤬|😠|😤|👎|💢|😞|😢|😭|😩|😫|🙄|😒|😣|😖)(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?[\s\p{P}]*)+$/u;

export function onlyAcknowledges(text: string): boolean {
  const parts = text
    .trim()
    .split(/[\s\p{P}]+/u)
    .filter(Boolean);
  return (
    parts.length > 0 && parts.length <= 3 && parts.every((p) => LAUGH.test(p) || KIND_EMOJI.test(p))
  );
}

/**
 * Cancelling some of an order's items, not the order ("can I cancel just one item?", "cancel part
 * of my order", "我想取消其中一件商品"): the model reads these as cancelling the order, and a yes
 * to that would cancel all of it.
 */
/**
 * Asks to cancel an order, spelt as shoppers do ("i want to cancle my order and get a refund"):
 * not a refund of an order cancelled already ("my money back for a cancelled order").
 */
export const WANTS_TO_CANCEL_ORDER =
  /\b(?:want|need|like|wanna|wish|trying|try|please|pls|can (?:i|you)|could (?:i|you)|how (?:do|can) i)\b.{0,15}?\bcan(?:cel|cle|sel|cell|el)\s+(?:my|the|this|that|an?)\s+(?:\w+\s+)?order\b/i;
export const CANCELS_PART_OF_ORDER =
  /\b(?:one|1|an?|some|a few|two|2|single)\s+(?:of (?:the|my) )?(?:items?|things?|products?|pieces?)\b|\bpart of (?:my|the|this) order\b|\bnot the (?:whole|entire) order\b|其中(?:一|两|几)[件个样]|部分(?:商品|订单)|(?:取消|退掉|删掉?|去掉)(?:一|两|几|其中)[件个样]|只取消(?:一|两|几)?[件个样]/i;

/**
 * Asks why (or by whom) an order was cancelled ("why was my order cancelled", "订单怎么被取消了"):
 * the model reads it as asking to cancel one.
 */
export const ASKS_WHY_CANCELLED =
  /\b(?:why|how come)\b.{0,40}\bcancel+ed\b|\bcancel+ed\b.{0,40}\bwhy\b|\bwho cancel+ed\b|为什么.{0,12}取消|怎么.{0,6}(?:被|给我)取消了|谁取消了|被取消了?[，,]?\s*为什么/i;

/** Asks to hurry an order up ("can you hurry it up", "催一下", "能快点吗"). */
export const HURRY =
  /\b(?:hurry|speed (?:it|this|that|things) up|expedite|rush it|(?:make|get|send|ship|deliver) (?:it|them|my order|the order|the parcel|the package)(?: here| to me)? (?:faster|quicker|sooner|earlier))\b|催(?:一下|一催|单|发货|快递|促)?|能(?:不能)?快点|快点(?:发|送)|尽快发货|早点发/i;

/** Says it is too slow or late ("that's way too slow", "my package is late", "太慢了吧"). */
export const TOO_SLOW =
  /\b(?:so|too|very|really|way too|extremely) slow\b|\b(?:is|are|was|running|arriving|already|so|really) late\b|延误|晚到了|\btaking (?:so|too|way too) long\b|\b(?:taking|takes|took) forever\b|\bwhy is (?:it|this|my order) taking\b|太慢|这么慢|好慢|怎么这么久|等了好久|等太久/i;

/** "It arrived damaged", "the lid is cracked", "耳机坏了": something received is faulty. */
export const ARRIVED_FAULTY =
  /\b(?:damaged|broken|smashed|cracked|shattered|faulty|defective|stopped working)\b|坏了|破损|碎了|损坏|摔坏|裂了/i;

/** "When was it delivered?", "什么时候签收的": when a parcel came, not when it will. */
export const ASKS_WHEN_DELIVERED =
  /\bwhen (?:was|were|did) (?:it|they|my (?:order|parcel|package)|the (?:order|parcel|package)|order #?[a-z]?\d+) ?(?:delivered|arrive|come|get delivered)\b|什么时候(?:签收|送达|送到|到)的/i;

/** "I want to buy a gift for my sister", "想买个礼物送妈妈": a present to choose, not a checkout question. */
export const ASKS_FOR_GIFT =
  /\b(?:gift|present)s? (?:for|to give)\b|\bgift ideas?\b|送(?:给)?[^，。？！,.?!]{0,8}的?礼物|买(?:个|份|点)?礼物|礼物推荐/i;

/** Who a present is for, said on its own ("送妈妈的", "it's for my dad"). */
export const GIFT_RECIPIENT =
  /\b(?:for|to) (?:my )?(?:mom|mum|mother|dad|father|wife|husband|girlfriend|boyfriend|son|daughter|kids?|friend|sister|brother|grandma|grandpa|parents|boss|colleague)\b|(?:送|给)我?(?:妈妈|妈|爸爸|爸|老婆|老公|女朋友|男朋友|女友|男友|孩子|儿子|女儿|朋友|闺蜜|姐姐|妹妹|哥哥|弟弟|爷爷|奶奶|父母|老板|同事)/i;

/** "And my phone number?", "还有手机号": another profile detail, right after one was answered. */
export const AND_ANOTHER_ACCOUNT_DETAIL =
  /^(?:(?:and|also|plus|what about|how about)\b[^.?!]{0,20}\b(?:phone(?: number)?|mobile|e-?mail(?: address)?|name|password|birthday|date of birth)\b|(?:还有|那|另外)[^，。？！]{0,6}(?:手机号?|电话|邮箱|名字|姓名|密码|生日)[呢吗啊]?)[\s\p{P}]*$/iu;

/** "What do I do now?", "怎么办", said alone: the shopper asks for the next step. */
export const ASKS_WHAT_NOW =
  /^(?:so |ok |okay |and )?(?:what (?:do|should|can) i do(?: now| then)?|what now|now what|what happens now|what'?s next)[\s\p{P}]*$|^(?:那|那我|我)?(?:该)?(?:怎么办|咋办|怎么处理)[啊呀呢吧]?[\s\p{P}]*$/iu;

/**
 * "The quality is bad", "it doesn't work", "质量有问题", "有瑕疵": something wrong with an item
 * itself (ARRIVED_FAULTY has the words for one broken in transit).
 */
export const POOR_QUALITY =
  /\b(?:(?:poor|bad|terrible|awful|low|cheap) quality|quality (?:is|was) (?:bad|poor|terrible|awful|not good|rubbish)|(?:does(?:n'?t| not)|do(?:n'?t| not)|won'?t) (?:work|turn on|switch on|charge)|ripped|torn|stained|scratched|missing (?:parts?|pieces?))\b|质量(?:有)?问题|质量(?:不好|太差|很差|差|不行)|瑕疵|不能用|用不了|开线|掉色|起球|充不(?:了|进)电/i;
/** "I just don't like it", "changed my mind", "不喜欢", "不想要了": a return without a fault. */
export const CHANGED_MIND =
  /\b(?:(?:do(?:n'?t| not)|didn'?t|did not) (?:really )?(?:like|love|want|need) (?:it|them|this|these|that|those|the \w+)(?: any ?more)?|changed my mind|not what i (?:expected|wanted|thought)|no longer (?:want|need) (?:it|them)|not for me)\b|(?:不太?|没那么)喜欢|不想要了|不要了/i;

/** "They're too small", "doesn't fit", "鞋子挤脚": an item that does not fit. */
export const DOES_NOT_FIT =
  /\btoo (?:small|big|large|tight|loose|narrow|wide)\b|\b(?:does(?:n'?t| not)|do(?:n'?t| not)) fit\b|太(?:小|大|紧|松|窄|宽)|不合(?:适|身|脚)|挤脚/i;

/**
 * Another size of something ordered ("I need a bigger one", "I ordered the wrong size", "换大一码",
 * "尺码拍错了").
 */
export const WANTS_OTHER_SIZE =
  /\b(?:bigger|smaller|larger) (?:one|size|pair)\b|\bsize (?:up|down)\b|\bwrong size\b|\b(?:another|different) size\b|换(?:个|一个)?(?:大|小)一?[码号]|[大小]一[码号]|尺码(?:不对|错了|选错|拍错)|换(?:个|一下)?尺码|码(?:数)?(?:买|拍|选)错/i;

/**
 * Company details typed out ("上海某某科技有限公司", "Acme Ltd, VAT GB123456789"): the details
 * themselves, once the shopper was asked which order the company invoice is for.
 */
export const COMPANY_DETAILS =
  /有限(?:责任)?公司|股份|集团|工作室|事务所|税号|纳税人识别号|\b(?:ltd|llc|inc|gmbh|corp|limited|plc|vat|tax id)\b/i;

/** Company details wanted on an invoice ("with my company name", "VAT number", "公司抬头", "税号"). */
export const COMPANY_INVOICE =
  /\b(?:company|business|firm)(?:'s)? (?:name|details|address|invoice)\b|\b(?:a |the )?(?:company|business) one\b|\bfor (?:my|our|the) (?:company|business|employer)\b|\bVAT\b|\btax (?:id|number)\b|抬头|税号|专票|增值税|公司(?:的|发票)|企业(?:的|发票)|单位(?:的|发票)/i;

/** A no to it ("no", "keep it", "算了"). */
export const NO =
  /^(?:(?:actually|wait|hmm+|oh|ah|um+|uh+|sorry|hold on|on second thought|ok|okay)[,.!\s]+)*(?:(?:n|no|nope|nah|don'?t|do not|cancel that|never ?mind|keep it|not anymore)\b|不|不要|不用|算了|别|取消这个|先不)|^(?:等等|等一下)[，,\s]*(?:不|别|算了)|^还是(?:不要|不用|算了|别)/i;
/**
 * The whole message turns down what the bot offered or asked for ("no thanks", "ok never mind",
 * "不用了", "算了", "算了不退了"), or takes back a cancellation it asked for ("never mind, don't cancel it",
 * "算了不取消了"), and asks nothing else.
 */
export const DECLINES =
  /^(?:(?:ok|okay|oh|ah|hmm|well|actually)[,\s]+)?(?:no|nope|nah|no,? thanks?|no,? thank you|never ?mind|nvm|forget it|(?:(?:never ?mind|nvm|no worries|it'?s ok(?:ay)?)[,\s]+)?(?:i )?found it(?: myself)?|(?:没事了?[,，\s]*)?(?:我)?找到了|don'?t bother|not now|that'?s all|不用了?|不要了?|算了|不了|没事了?|先不用?了?|不需要了?|(?:(?:no|never ?mind|actually|ok|okay)[,\s]+)?(?:don'?t|do not) cancel(?: it| that| (?:the|my) order)?(?: then| after all)?|(?:算了[,，\s]*)?(?:不(?:用|要)?取消了?|别取消了?|不(?:退|换|改|买|查)了|不(?:退|换)货了|不退款了))[\s\p{P}]*(?:thanks?|thank you|谢谢(?:啦|了)?)?[\s\p{P}]*$/iu;
/**
 * The message only picks something by what it holds: "the water bottle one", "the one with the
 * webcam", "it's the sneakers order", "跑鞋那单". Whether an order holds it is for the caller.
 */
export function picksByItem(text: string): boolean {
  const t = text.trim();
  if (t.split(/\s+/).length > 6) return false;
  return (
    /^(?:(?:great|ok|okay|thanks|and|also|what about|how about)[,!.]?\s+)*(?:(?:it'?s|i mean|no,?|sorry,?)\s+)?the\s+\S.*\b(?:one|order)[\s.!?]*$/i.test(
      t,
    ) ||
    /^(?:(?:it'?s|i mean)\s+)?the\s+(?:one|order)\s+with\s+\S/i.test(t) ||
    /^[^\s，。？！]{1,6}(?:那单|那一单|那个订单)[\s。！？]*$/u.test(t)
  );
}
const NOT_RECEIVED_WORDS = String.raw`(?:haven'?t|have not|hasn'?t|has not|didn'?t|did not|never|still not|not yet)`;
const NO_CONFIRMATION_EN = new RegExp(
  String.raw`\b${NOT_RECEIVED_WORDS}\s+(?:\w+\s+){0,2}?(?:got|get|gotten|received?|seen|had)\b.{0,25}?\bconfirmation\b(?!\s*(?:code|number))` +
    String.raw`|\b${NOT_RECEIVED_WORDS}\s+(?:\w+\s+){0,2}?(?:got|get|gotten|received?|seen|had)\s+(?:an?\s+|the\s+|any\s+)?e-?mail\s+(?:confirming|to confirm)\s+(?:my|the|our)\s+(?:order|purchase)\b` +
    String.raw`|\bno\s+(?:order\s+)?confirmation\b(?!\s*(?:code|number))` +
    String.raw`|\bconfirmation(?:\s+e-?mail)?\s+(?:never|hasn'?t|has not|didn'?t|did not)\s+(?:come|came|arrived?)\b`,
  'i',
);
const NO_CONFIRMATION_ZH =
  /(?:没(?:有)?收到|收不到).{0,6}确认(?:邮件|信|短信)|确认(?:邮件|信)(?:一直)?(?:没|没有|未)(?:收到|来)/;
/**
 * "I placed an order but never got a confirmation e-mail", "下单后没收到确认邮件": whether the
 * order went through. Not a sign-up confirmation or a confirmation code: an English message must
 * be about an order, and a Chinese one must not be about registering or activating an account.
 */
export function saysNoOrderConfirmation(text: string): boolean {
  return (
    (/\border(?:ed|s)?\b/i.test(text) && NO_CONFIRMATION_EN.test(text)) ||
    (NO_CONFIRMATION_ZH.test(text) && !/注册|激活/.test(text))
  );
}

/** Words pointing back at something already discussed ("where is it now?", "这个订单到哪了"). */
export const REFERS_BACK = /\b(?:it|this|that|the order)\b|它|这个|这单|那个|那单|该订单/i;
/** "It says delivered but I never got it", "显示签收了但我没收到". */
export const NOT_RECEIVED =
  /\b(?:never (?:got|received|arrived|came)|(?:didn'?t|did not|haven'?t|have not|hasn'?t|has not) (?:get|got|receive|received|arrive|arrived|come|came|turn(?:ed)? up|show(?:n|ed)? up)|not (?:received|arrived|delivered)|not at (?:my|the) door|(?:it'?s|is) not here|isn'?t here|nothing (?:here|arrived)|missing parcel|lost (?:parcel|package))\b|没(?:有)?(?:收到|拿到)|没到|未收到|丢件|丢了/i;
/** "Can you help me?", "I need help", "帮我一下": asking for help without saying with what yet. */
export const ASKS_FOR_HELP =
  /^(?:(?:hi|hello|hey|你好|您好)[\s,，!！.。]*)?(?:(?:can|could|would) (?:you|someone|anyone|somebody) (?:please )?help(?: me)?(?: out)?(?: please| pls)?|i need (?:some |your )?(?:help|assistance)(?: please| pls)?|help(?: me)?(?: please| pls)?|(?:能|可以)?(?:帮帮我|帮我一下|帮个忙)(?:吗|么|嘛)?|我需要帮助|求助)[\s\p{P}]*$/iu;
/** "I have a question about my order", "我的订单有问题": about an order, without saying which or what. */
export const ASKS_ABOUT_AN_ORDER =
  /^(?:(?:hi|hello|hey|你好|您好)[\s,，!！.。]*)?(?:(?:i have|i've got|i got|got) (?:a |one |some )?(?:questions?|problem|issue|query) (?:about|with|regarding|on|concerning) (?:my|an|the|one of my) orders?|(?:a )?question about (?:my|an) order|我的订单有(?:点|些)?问题|(?:(?:帮我|麻烦|请|麻烦帮我|请帮我)\s*)?(?:查|看|查询|查看)(?:一下|下|一查|看)?(?:我的)?订单(?:吧|呗|呀)?|我想(?:咨询|问)一下(?:我的)?订单(?:的事(?:情)?)?|(?:关于)?订单(?:的)?问题)[\s\p{P}]*$/iu;
/** "How long do I have?", "还有几天可以退": the time left to send something back. */
export const ASKS_TIME_LEFT =
  /^(?:so |and )?how (?:long|many days) do i (?:have|get)(?: (?:to|for) (?:return|send|sending|returning)(?: (?:it|them|this) back| (?:it|them|this))?)?[\s\p{P}]*$|^(?:还有|还剩)(?:几|多少)天(?:可以退(?:货)?)?[\s\p{P}]*$|^(?:退货)?(?:期限|时限)(?:是)?多(?:久|长)[\s\p{P}]*$|^多少天内(?:可以)?退(?:货)?[\s\p{P}]*$/iu;
/**
 * "Anyone there?", "are you still there", "hello??", "在吗", "有人吗": is someone answering. The
 * whole message, so "在吗 我的订单怎么还没到" is the question it comes with.
 */
export const PRESENCE_CHECK =
  /^[\s\p{P}]*(?:(?:hello|hi|hey|hallo)[\s\p{P}]*)?(?:(?:is )?any ?(?:one|body) (?:there|here|around|home|online)|(?:are )?(?:you|u) (?:still )?(?:there|here|around|online|alive)|still there|hello\s*\?+)[\s\p{P}]*$|^[\s\p{P}]*(?:(?:亲|喂|您好|你好|hello|hi)[\s\p{P}]*)?(?:还)?(?:在吗|在不在|在么|在嘛|有人吗|有人在吗|有没有人)[\s\p{P}]*$/iu;
/** "Can I order it again?", "buy the same again", "再买一次": the items of an order, once more. */
export const REORDER =
  /\b(?:order|buy|get|purchase) (?:it|that|this|them|those|these|the same(?: \w+)?) again\b|\bre-?order (?:it|that|this|them|those|these)\b|\bsame (?:one|ones|thing|order) again\b|再(?:买|下单|订|来)(?:一次|一单|一个|一份|一件)|回购/i;

/** "Are you a bot?", "am I talking to a real person?", "你是机器人吗": who is answering. */
export const ASKS_IF_BOT =
  /\b(?:are|r) (?:you|u) (?:a |an )?(?:bot|robot|chat ?bot|human|real(?: person| human)?|person|ai|machine|computer)\b|\bam i (?:talking|chatting|speaking) (?:to|with) (?:a |an )?(?:bot|robot|human|real person|person|machine|computer|ai)\b|(?:你|您)是(?:不是)?(?:机器人|真人|人工|AI|ai|智能客服)|是(?:机器人|真人)(?:吗|么|嘛)/i;
/**
 * "It says delivered", "显示签收了": the shop marked the parcel delivered. Without it, "it hasn't
 * arrived" is more likely an order still on its way.
 */
export const SAYS_DELIVERED =
  /\b(?:says?|shows?|showing|marked(?: as)?|status(?: is)?|tracking)\b[^.?!]{0,20}\bdelivered\b|\b(?:was|been) delivered\b|\bdelivered but\b|显示(?:已)?(?:签收|送达)|已签收|签收了/i;
/** "Ok thanks", "好的谢谢": an acknowledgement, not a yes to what the bot offered. */
const THANKS = /\bthanks?\b|\bthank you\b|\bty\b|\bthx\b|谢谢|多谢|感谢/i;
/** A plain yes to an offer the bot made in passing ("yes", "ok do it", "好的"), not "ok thanks". */
export function agrees(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 40 && YES.test(trimmed) && !THANKS.test(trimmed);
}
const TAKEN_OVER =
  /\b(?:hacked|compromised|someone (?:else )?(?:has )?(?:logged|got|get|broke|is logging) (?:in|into)|unauthori[sz]ed (?:access|log ?ins?|orders?|purchases?))\b|被盗|被黑|盗号|被(?:别人|人)登(?:录|陆)|异地登(?:录|陆)/i;
const ACCOUNT_WORD = /\b(?:account|log ?in|profile)\b|账号|账户|帐号|帐户/i;
/** Another service's account ("my Instagram got hacked", "支付宝账号被盗了"): not the shop's. */
const OTHER_SERVICE =
  /\b(?:instagram|facebook|twitter|tiktok|whatsapp|gmail|e-?mail|paypal|bank|apple id|google)\b|支付宝|微信|QQ|银行|邮箱|淘宝|京东/i;
/** Asked for what the account answers already give: a password reset, closing the account. */
const ACCOUNT_REQUEST =
  /\b(?:reset|change (?:my |the )?password|delete|close (?:my|the) account)\b|重置|改密码|修改密码|注销|删除/i;
/**
 * "My account got hacked", "我的账号被盗了": someone else may be using the shopper's account here,
 * and they have not asked for a reset or a closure (the model answers those).
 */
export function accountTakenOver(text: string): boolean {
  return (
    TAKEN_OVER.test(text) &&
    ACCOUNT_WORD.test(text) &&
    !OTHER_SERVICE.test(text) &&
    !ACCOUNT_REQUEST.test(text)
  );
}
/** "Still not working", "that didn't help", "还是不行": the answer just given did not solve it. */
export const NOT_RESOLVED =
  /\b(?:still (?:not|doesn'?t|does not|don'?t|can'?t|cannot|isn'?t|won'?t|nothing|the same|broken|getting|receiving|happening|showing|seeing)|(?:didn'?t|did not|doesn'?t|does not) (?:work|help)|not working|no luck|tried (?:that|it|this) already|already tried (?:that|it|this)|(?:already )?checked (?:the |my )?(?:spam|junk)(?: folder| box)?|already (?:checked|did (?:that|it)|done (?:that|it))|(?:checked|did (?:that|it)|done (?:that|it)) already|(?:i'?ve|i have) (?:already )?(?:done|tried) (?:that|it|this)|(?:says|said|shows) (?:it'?s |it is |the code is )?(?:expired|invalid|not valid)|(?:says|shows|gives)(?: me)? an? error|tried (?:another|a different|other|a new) (?:card|browser|method|way|one|phone|device|app|address)s?|(?:didn'?t|doesn'?t|did not|does not|won'?t) work either|same (?:thing|problem|error|issue) (?:again|happens|happened)|(?:the )?same error|it'?s been (?:over |more than |almost |nearly )?(?:\d+|a|an|one|two|three|four|five|six|several|many|a few|few) (?:days?|weeks?|months?))\b|(?:都|已经)(?:过了?)?(?:\d+|一|两|三|四|五|六|七|八|九|十|好几|几)(?:个)?(?:天|星期|周|礼拜|月)了|换了.{0,8}(?:也|还是)(?:不行|没用|一样)|也不行|还是一样|(?:垃圾(?:邮件)?箱|垃圾邮件).{0,4}(?:看过|查过|找过|也没有|都没有)|已经(?:看|查|检查|试)过了?|(?:显示|提示)(?:已经?)?(?:过期|无效|错误)|还是不行|还是不可以|还是没(?:有)?(?:用|收到|反应|解决)|还是收不到|还是(?:会|一直)?(?:收到|出现)|还是不能|没用|不管用|试过了|没解决/i;
/** "I don't have the order number", "忘了订单号": asked for a number the shopper cannot give. */
export const NO_ORDER_NUMBER =
  /\b(?:(?:don'?t|do not|dont) (?:have|know|remember|see|got)|(?:lost|forgot|can'?t find|cannot find|can'?t remember|no idea (?:of|what))) (?:the |my |its |what )?(?:order )?(?:number|no\.?|#|it|what it is)\b|\bno order (?:number|no)\b|(?:没有|不知道|忘了|忘记了?|找不到|不记得)(?:我的)?(?:订单号|单号|订单编号|号码)|(?:订单号|单号)(?:忘了|找不到|不记得了?)/i;
/** "个人的就行", "不用公司抬头", "just a personal one": an invoice without company details. */
export const PERSONAL_INVOICE =
  /个人(?:的|发票|抬头)|不(?:用|要|需要)(?:开)?公司(?:抬头|发票|的)?|\b(?:a |just a |just )?(?:personal|private|normal|regular) (?:one|invoice)\b|\bno (?:company|business) (?:name|details)\b/i;
/** "I don't have an account", "我没注册，是游客下单的": a guest, who may think the bot needs one. */
export const NO_ACCOUNT =
  /\b(?:i )?(?:don'?t|do not|dont) have an account\b|\bi (?:checked out|ordered|bought it|paid) as a guest\b|\bguest (?:checkout|order)\b|(?:我)?没有?(?:注册)?(?:账号|账户)|没注册|游客(?:身份)?(?:下的单|下单|购买)/i;
/** "I don't remember the email", "邮箱忘了": the shopper cannot give the order's e-mail address. */
export const NO_EMAIL =
  /\b(?:(?:don'?t|do not|dont|can'?t|cannot) (?:remember|recall|know|find|access)|forgot|no idea (?:of |about )?(?:the|my|which|what))\b.{0,25}\b(?:e-?mail|address)\b|\b(?:e-?mail|address)\b.{0,20}\b(?:forgot|don'?t remember|can'?t remember|no longer (?:have|use))\b|(?:不记得|忘了|忘记了?|不知道|想不起来?)(?:是)?(?:哪个|什么)?(?:邮箱|电子邮箱|邮件地址)|(?:邮箱|电子邮箱)(?:忘了|不记得了?|想不起来了?|登不上)/i;
/** "The shoes I got", "收到的衣服": the item has reached the shopper (an exchange, not an edit). */
export const ALREADY_RECEIVED =
  /\b(?:i|we|i've|we've|just) (?:got|received|gotten)\b|\b(?:arrived|came) (?:today|yesterday|this morning|last week)\b|收到|签收|到手/i;
/** Words of a delivery: a message about a parcel, not an e-mail or a refund. */
export const ABOUT_PARCEL =
  /deliver|parcel|package|courier|tracking|\border\b|签收|快递|包裹|订单|物流|送到|到货/i;
/**
 * Something the shopper ordered, named ("my jacket", "the lamp I ordered"), not an e-mail, a
 * code, a refund or money: what "never arrived" is said of when it is a parcel.
 */
export const SOMETHING_ORDERED =
  /\b(?:my|the)\s+(?!(?:refund|money|e-?mail|password|code|verification|link|confirmation|sms|text|message|reset)\b)[a-z-]+\b|\b(?:i|we) (?:ordered|bought)\b/i;
/** What the shopper bought, said so: "the stuff I ordered", "我上次买的东西". */
export const BOUGHT_SOMETHING = /\b(?:i|we) (?:ordered|bought)\b|(?:买|订|下单)的(?:东西|商品|货)/i;
/** A refund or money, which "hasn't arrived" may be about. */
export const ABOUT_MONEY = /\b(?:refunds?|money|payment|credit)\b|退款|钱/i;
/** A refund or money coming back (not a payment or a price): "退款", "get my money back". */
export const REFUND_MONEY = /\brefund(?:s|ed)?\b|\bmoney back\b|退款|退钱|收到钱|钱(?:退|回)/i;
/**
 * "Where's my delivery?", "where are the boots I ordered", "still waiting for my parcel": where
 * an order is (the model reads these as delivery options, a complaint or a refund question).
 * Not about a refund, money or an account e-mail.
 */
export const ASKS_WHERE_ORDER_IS =
  /\bwhere(?:'s|s| is| are)\s+(?:my|the|our)\b(?:(?!\b(?:refund|money|password|e-?mail|code)\b).){0,30}?\b(?:order|orders|parcel|package|delivery|shipment|stuff|items?|(?:i|we) (?:ordered|bought))\b|\b(?:still )?waiting (?:for|on) (?:my|the|our) (?:order|parcel|package|delivery|shipment|stuff)\b/i;
/**
 * "Where is my refund?", "when will I get my money back?", "退款怎么还没到": the state of a refund
 * already asked for.
 */
export const ASKS_WHERE_REFUND_IS =
  /\bwhere(?:'s|s| is)\s+(?:my|the)\s+(?:refund|money)\b|\bwhen (?:will|do|can|would|should|am) (?:i|we) (?:get|getting|receive|see) (?:my|the|our) (?:refund|money)\b|\bwhen (?:will|does|is) (?:my|the) (?:refund|money)\b|\b(?:still )?waiting (?:for|on) (?:my|the) (?:refund|money)\b|退款(?:到哪|在哪|怎么还没|还没到|什么时候到)|钱(?:怎么)?还没(?:退|到)/i;
/** When something will arrive: "when will the webcam get here", "水壶什么时候到". */
export const ASKS_WHEN_ARRIVES =
  /\bwhen (?:will|do|does|is|are|can|should)\b.{0,40}\b(?:arrive|come|get here|be here|be delivered|turn up|show up|get (?:it|them|my)|receive)\b|什么时候(?:能|会|可以)?(?:到|送到|寄到|送来|发货)|啥时候(?:能|会)?(?:到|送到|发货)|几时(?:能)?到|多久(?:能|才能)?到/i;
/** Words of delivery methods and their cost ("express", "运费"), not of a cancellation or return. */
export const ABOUT_DELIVERY_METHOD =
  /\b(?:express|standard|next[- ]day|same[- ]day|shipping|delivery|courier|pick-?up points?)\b|快递|运费|顺丰|加急|包邮|配送|自提/i;
/** "Do you …", "are your shop …": the shop asked about itself, before a verb. */
const YOU_THE_SHOP = String.raw`\b(?:do|does|r|are) (?:you|u|y'?all|your (?:shop|store)|this (?:shop|store))(?: guys)?`;
/** "Do you sell yoga mats?", "你们卖瑜伽垫吗": asks whether the shop has a kind of product. */
export const ASKS_AVAILABILITY = new RegExp(
  YOU_THE_SHOP +
    String.raw` (?:sell|carry|stock|have|do|selling|got)\b|\bgot any\b|\bcan i buy\b|\bsomething you sell\b|卖不卖|有卖|卖.{0,8}吗|有没有|有.{1,10}(?:吗|不)$`,
  'i',
);
/**
 * Whether the shop has a kind of product, asked as such: "do you sell dog leads?", "有没有睡袋",
 * "你们有婴儿用品吗" (but not "对皮肤有刺激吗", which asks about a product's effect).
 */
const ASKS_IF_SHOP_HAS = new RegExp(
  YOU_THE_SHOP +
    String.raw` (?:sell|carry|stock|have|selling|got)\b|\bgot any\b|\bcan i buy\b|^(?:(?:请问|你好|您好|亲)[，,\s]*)?(?:你们|店里|这里|这儿|贵店)?(?:有没有|有卖|卖不卖|有)`,
  'i',
);
/**
 * An availability question about a property of a product rather than about a kind of product:
 * "do you have it in blue", "有XL码吗", "有防水的吗", "有没有白色的".
 */
const ASKS_ABOUT_PROPERTY =
  /\b(?:sizes?|sized|colou?rs?|xs|x+l|\dxl|small|medium|large|petite|plus|tall|stock|waterproof|material|fabric|cotton|wool|leather|black|white|blue|red|green|gr[ae]y|pink|brown|beige|navy|yellow|purple|orange|one|ones|version|model)\b|码|号|色|货|尺寸|材质|款|防水|规格|型号|的(?:吗|不|呢)|这|那|它/i;
/**
 * "Do you have baby blankets?", "有没有睡袋": whether the shop has a kind of product, not a
 * question about one already discussed ("do you have it in blue?", "有XL码吗").
 */
export function asksForKindOfProduct(text: string): boolean {
  return ASKS_IF_SHOP_HAS.test(text) && !ASKS_ABOUT_PROPERTY.test(text) && !REFERS_BACK.test(text);
}
/**
 * The shopper wants or is looking for something ("i want a leash for my puppy", "do you stock
 * headlamps", "where can I find yoga mats", "我家狗需要…", "想给狗买张床"); past purchases ("I
 * bought", "买了") are not.
 */
export const SHOPPING_CUE = new RegExp(
  ASKS_AVAILABILITY.source +
    String.raw`|\b(?:buy|purchase|want|wanna|need|needs|could use|looking for|look(?:ing)? at|searching for|shopping for|find|recommend|suggest|is there (?:a|an|any)|anything (?:like|for))\b|买(?![了过到的])|想要|需要|在找|找一?[个款件]|推荐` +
    // "What's your cheapest smart watch", "最便宜的保温杯": which of a kind, by price or by rank.
    String.raw`|\b(?:cheapest|least expensive|most expensive|priciest|best[- ]?selling|top[- ]rated|most popular|best)\b|最便宜|最贵|最好|最受欢迎|卖得最好`,
  'i',
);
/**
 * "What's trending?", "最火的是什么", "热销的有哪些": the shop's popular products, of any kind —
 * unless the trend is a film, a book, the news or a search engine's ("what's trending on google").
 */
export function asksWhatIsPopular(text: string): boolean {
  return ASKS_WHAT_IS_POPULAR.test(text) && !TRENDS_ELSEWHERE.test(text);
}
const ASKS_WHAT_IS_POPULAR =
  /\b(?:trending|popular|best ?sellers?|best[- ]selling|top[- ]sellers?|hot right now|(?:what'?s|what is) hot)\b|热销|爆款|最火|最受欢迎|卖得最好|畅销|热门/i;
const TRENDS_ELSEWHERE =
  /\b(?:movies?|films?|books?|songs?|music|news|topics?|google|twitter|tiktok|instagram|youtube|netflix|stocks?|crypto)\b|电影|新闻|歌|热搜|微博|抖音|股票/i;
/** "Add it to my cart", "I'll take it", "加入购物车": the shopper wants to buy what was discussed. */
export const TAKES_IT =
  /\badd (?:it|this|that|them|these|those|one|the [a-z ]{1,30})? ?to (?:my |the )?(?:cart|basket|bag)\b|\bi'?ll (?:take|buy|get) (?:it|this|that|them|this one|that one|the [a-z]+ one)\b|加(?:入|到)?购物车|我要了|就要这[个款件]|拍下/i;
/**
 * The message is only a short noun phrase ("a bluetooth speaker", "wireless headphones?",
 * "蓝牙音箱"): said to a shop, naming a kind of product asks for it.
 */
export function isBarePhrase(text: string): boolean {
  const trimmed = text.trim();
  if (/\d|[.!,;:，。！；：]/.test(trimmed.replace(/[?？]+$/, ''))) return false;
  const words = trimmed.match(/[A-Za-z]+(?:'[A-Za-z]+)?/g) ?? [];
  const han = trimmed.match(/\p{Script=Han}/gu) ?? [];
  // "park the car", "my speaker": a thing already there, not one asked for.
  const definite = words.some((w) => /^(?:the|my|your|our|his|her|their|this|that|it)$/i.test(w));
  return !definite && words.length + han.length > 0 && words.length <= 3 && han.length <= 6;
}
/** "What did I order last time?", "我上次买了什么": the shopper's own order history. */
export const ORDER_HISTORY =
  /\bwhat (?:did|have) i (?:order|ordered|buy|bought|purchase|purchased)\b|\b(?:order|purchase) history\b|\b(?:list|show)(?: me)? (?:all )?my (?:orders|purchases)\b|我(?:上次|之前|最近|以前)(?:都)?(?:买|订|下单)了?(?:什么|啥|哪些)|历史订单|订单记录|购买记录/i;
/** Which of the shopper's orders are still to come ("do I have any orders on the way?"). */
export const OPEN_ORDERS =
  /\b(?:(?:any|which|what)(?: \w+)? orders?|my(?: \w+)? orders) (?:(?:are|is) )?(?:still )?(?:on (?:the|its|their) way|coming|in transit|open|pending|outstanding|in progress|not (?:yet )?(?:arrived|delivered))\b|\b(?:any|which|what) (?:open|pending|outstanding|undelivered) orders?\b|\bwhat(?:'s| is) (?:still )?coming\b|我(?:还)?有(?:没有)?(?:在路上|还没到|在途|未完成|没送到|待发货|未发货)的订单|哪些订单(?:还)?(?:没到|在路上|没发货|未发货)/i;
export const FAREWELL = /\b(?:bye|goodbye|see you|cya)\b|再见|拜拜|回见/i;
/** What a follow-up about a product asks: price or stock. */
export const FOLLOW_UP_ABOUT_PRODUCT =
  /\b(?:how much|price|cost|costs|in stock|available)\b|多少钱|价格|价钱|有货|有没有货|库存/i;
/** ...unless it is about cancelling, returning or an order ("how much does it cost to cancel?"). */
export const NOT_ABOUT_PRODUCT =
  /(?<!noise[- ]?)cancel|refund|return|ship|deliver|order|取消|退|运费|快递|订单/i;
/** A bare order-number-looking token, for replies that are just the number. */
export const ORDER_TOKEN = /#?\b([A-Z]{1,3}-?\d{4,10})\b|#(\d{4,10})\b|^\s*(\d{5,12})\s*$/i;

const ORDINAL_WORDS: Record<string, number> = {
  first: 0,
  '1st': 0,
  second: 1,
  '2nd': 1,
  third: 2,
  '3rd': 2,
  fourth: 3,
  '4th': 3,
  fifth: 4,
  '5th': 4,
  last: -1,
};
const CHINESE_DIGITS: Record<string, number> = { 一: 0, 二: 1, 两: 1, 三: 2, 四: 3, 五: 4 };
/** "the second one", "first item", "number 3", "第二个", "第3款", "最后一个". */
const ORDINAL =
  /\bthe (first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\b|\b(first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th) (?:one|item|product|option|pick)\b|\b(?:number|no\.?|#) ?([1-5])\b(?!\d)|第\s*([一二两三四五1-5])\s*(?:个|款|件|种|项|样|本|双|条|台|只|把|瓶|套|张|支|盒|部|顶|块)|(最后)(?:一|那)?(?:个|款|件|种|本|双|条|台|只|把|瓶|套|张|支|盒|部|顶|块)/i;

/**
 * Which of the products just shown a message points at: 0 for the first, 1 for the second, …,
 * -1 for the last; null when it names no position.
 */
export function ordinalIn(text: string): number | null {
  const match = ORDINAL.exec(text);
  if (!match) return null;
  const word = (match[1] ?? match[2])?.toLowerCase();
  if (word) return ORDINAL_WORDS[word];
  if (match[3]) return Number(match[3]) - 1;
  if (match[4]) return CHINESE_DIGITS[match[4]] ?? Number(match[4]) - 1;
  return -1;
}

/**
 * "Which one is the cheapest?", "the most expensive of them", "哪个最便宜", "which is the best
 * rated": the shown product picked by price or by how popular it is. Null unless the message
 * picks one of several that way.
 */
export function pickedAmongShown(text: string): 'cheapest' | 'dearest' | 'popular' | null {
  const amongShown =
    /\b(?:which|one|ones|of them|of these|of those)\b|哪个|哪一个|哪款|这几个|其中|里面/i.test(
      text,
    );
  if (!amongShown) return null;
  if (/\b(?:cheapest|least expensive|lowest price)\b|最便宜|最实惠|价格最低/i.test(text))
    return 'cheapest';
  if (/\b(?:most expensive|priciest|dearest|highest price)\b|最贵|价格最高/i.test(text))
    return 'dearest';
  // The shop knows what sells, not what reviewers rated: the answer says "most popular".
  if (
    /\b(?:best|top|highest)[- ]rated\b|\b(?:most popular|best[- ]?sell(?:ing|er)|best one|(?:is|'s) (?:the )?best|(?:do|would) you recommend)\b|最好|最受欢迎|卖得最好|销量最高|评价最好|哪个好|推荐哪/i.test(
      text,
    )
  )
    return 'popular';
  return null;
}

/**
 * "The latest one", "my most recent order", "最近那个", "最新的": the newest of the orders listed
 * (a list is not always newest first: orders a request can act on come first).
 */
export const PICKS_LATEST =
  /\b(?:latest|newest|most recent)\b|\b(?:my|the) last order\b|最近(?:的|那|这|一[个单笔次])|最新(?:的|那|这|一[个单笔])/i;

/** "Which one lasts longest?", "which of them is better for kids", "哪个更保温": one of those shown. */
export const ASKS_WHICH_OF_THEM =
  /^(?:(?:so|and|ok|okay|but)[,\s]+)?which (?:one|ones|of (?:them|these|those|the (?:two|three|four)))\b|^(?:那|那么)?(?:哪个|哪一个|哪款|哪一款|哪种)/i;

/** The item of a list just shown that a message points at by position ("the second one"), if any. */
export function atPosition<T>(items: readonly T[], text: string): T | undefined {
  const position = ordinalIn(text);
  if (position === null) return undefined;
  return position < 0 ? items.at(-1) : items[position];
}

/** How shoppers name an order by its status ("the one being prepared", "已发货的那个"). */
const STATUS_CUES: [RegExp, readonly string[]][] = [
  [/awaiting payment|unpaid|not (?:yet )?paid|待付款|未付款|没付款/i, ['pending']],
  [
    /being prepared|processing|preparing|not (?:yet )?(?:shipped|sent)|备货|准备中|还没发货|未发货/i,
    ['paid', 'processing'],
  ],
  [/on its way|(?<!not (?:yet )?)shipped|in transit|已发货|发货了|运输中|在路上/i, ['shipped']],
  [/(?<!not (?:yet )?)delivered|签收|送到了/i, ['delivered']],
  [/cancell?ed|已取消|取消了/i, ['cancelled']],
];

/** The order statuses a message names, for picking an offered order by its status. */
export function statusesNamed(text: string): string[] {
  return STATUS_CUES.filter(([cue]) => cue.test(text)).flatMap(([, statuses]) => statuses);
}

/** What is left of "order A10002 please" once the number is gone: nothing that asks anything. */
const NUMBER_FILLER =
  /\b(?:order|number|no|it'?s|it is|is|the|my|here|here's|please|pls|thanks?|thank you|and|also|what about|how about)\b|订单号?|单号|号码|是|的|谢谢|那|呢|还有|也|[\s\p{P}]/giu;

export function orderNumberIn(text: string, nlu: Understanding): string | null {
  const entity = nlu.entities.find((e) => e.type === 'order_number');
  if (entity) return entity.value.replace(/^#/, '').toUpperCase();
  const match = ORDER_TOKEN.exec(text);
  if (!match) return null;
  return (match[1] ?? match[2] ?? match[3]).replace('-', '').toUpperCase();
}

/** The message is just an order number ("A10002", "it's order #A10002 thanks"). */
export function isBareOrderNumber(text: string): boolean {
  return text.replace(ORDER_TOKEN, '').replace(NUMBER_FILLER, '').length === 0;
}

/**
 * Which of the products offered the reply names: its title (the chip), or the one sharing most
 * words or Chinese character pairs with it ("the Juniper one", "折叠的那个"); null when unclear.
 */
export function pickProduct(text: string, options: ProductDetail[]): ProductDetail | null {
  const lower = text.trim().toLowerCase();
  const exact = options.find((p) => p.title.toLowerCase() === lower);
  if (exact) return exact;
  const tokens = (s: string) => {
    const l = s.toLowerCase();
    const han = (l.match(/\p{Script=Han}+/gu) ?? []).join('');
    return new Set([
      ...(l.match(/[a-z0-9]+/g) ?? []),
      ...[...han].slice(0, -1).map((c, i) => c + [...han][i + 1]),
    ]);
  };
  const said = tokens(text);
  const shared = options.map((p) => [...tokens(p.title)].filter((t) => said.has(t)).length);
  const best = Math.max(0, ...shared);
  return best > 0 && shared.filter((n) => n === best).length === 1
    ? options[shared.indexOf(best)]
    : null;
}

/**
 * The message is about what was just discussed: it says "it"/"这个", or is too short to be about
 * anything else ("多少钱", "有货吗", "how much?": Chinese drops the pronoun, chat English often does).
 */
export function pointsBack(text: string): boolean {
  if (REFERS_BACK.test(text)) return true;
  const words = text.match(/[A-Za-z]+/g) ?? [];
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  return words.length + han.length > 0 && words.length <= 4 && han.length <= 6;
}

/** The message is about price only: a most-to-pay or "cheap"/"便宜". */
export function narrowsPrice(text: string): boolean {
  // Said right after products were shown: "under 100" is a price.
  const budget = budgetOf(text, { bareAmounts: true });
  return budget.max !== null || budget.cheap;
}
