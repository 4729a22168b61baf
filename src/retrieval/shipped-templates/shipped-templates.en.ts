import { ShippedTemplate } from './shipped-template';

/** English answer templates, one per shipped intent. */
export const SHIPPED_TEMPLATES_EN: ShippedTemplate[] = [
  {
    intent: 'cancel_order',
    locale: 'en',
    title: 'Cancel an order',
    variants: [
      {
        body: 'Order {{order.number}} is currently {{order.status}}. If it has not shipped yet, open it under My account → Orders and choose "Cancel order"; the payment is released within a few working days. If it has already left our warehouse, you can refuse the delivery or return it within {{shop.returnWindowDays}} days instead.',
      },
      {
        body: 'You can cancel any order that has not shipped yet: open it under My account → Orders and choose "Cancel order". If the button is gone, the parcel is already on its way and you can return it once it arrives. Tell me the order number if you would like me to check its status.',
      },
    ],
    exampleQuestions: [
      'I want to cancel my order',
      'how do I cancel a purchase I just made',
      'please stop my order, I ordered by mistake',
      'can I still cancel order 10023?',
      'cancel my last purchase',
    ],
    quickReplies: ['Check my order status', 'Talk to a person'],
  },
  {
    intent: 'change_order',
    locale: 'en',
    title: 'Change an order',
    variants: [
      {
        body: 'Order {{order.number}} is {{order.status}}. Items, sizes and quantities can be changed until the order is packed: open it under My account → Orders → "Edit order". If editing is no longer offered, cancel it (if possible) and place a new one, or ask an agent to help. Already delivered and want another size or colour? Return it within {{shop.returnWindowDays}} days (My account → Orders → "Return or refund") and order the one you want.',
      },
      {
        body: 'You can add, remove or swap items until your order is packed: open it under My account → Orders → "Edit order". If you share the order number, I can check whether it can still be changed. Already delivered and want another size or colour? Return it (My account → Orders → "Return or refund") and order the one you want.',
      },
    ],
    exampleQuestions: [
      'I need to change something in my order',
      'can I add another item to my order?',
      'I picked the wrong size, can I change it before it ships',
      'remove one product from my purchase',
      'how do I edit an order I already placed',
    ],
    quickReplies: ['Cancel the order', 'Talk to a person'],
  },
  {
    intent: 'change_shipping_address',
    locale: 'en',
    title: 'Change the delivery address of an order',
    variants: [
      {
        body: 'Order {{order.number}} is {{order.status}}. If it has not shipped yet, you can change the address under My account → Orders → "Change address". Once the parcel is with the carrier, the address can only be changed through the carrier\'s tracking page: {{order.trackingUrl}}',
      },
      {
        body: 'Order {{order.number}} is {{order.status}}. If it has not shipped yet, you can change the address under My account → Orders → "Change address". If it has already shipped, an agent can ask the carrier to redirect it.',
      },
      {
        body: 'As long as an order has not shipped, you can change its delivery address under My account → Orders → "Change address". Give me the order number and I will check whether that is still possible.',
      },
    ],
    exampleQuestions: [
      'I need to change the delivery address on my order',
      'wrong shipping address, can you fix it',
      'can my parcel be sent to a different address?',
      'I moved, please update the address for my order',
    ],
    quickReplies: ['Track my order', 'Talk to a person'],
  },
  {
    intent: 'check_cancellation_fee',
    locale: 'en',
    title: 'Cancellation fees',
    variants: [
      {
        body: 'Cancelling an order before it ships is free at {{shop.name}}. Once it has shipped, it becomes a return: within {{shop.returnWindowDays}} days you get the item price back; return shipping may be charged depending on the reason.',
      },
      {
        body: 'Cancelling an order before it ships is free. Once it has shipped, it becomes a return: you get the item price back, and return shipping may be charged depending on the reason.',
      },
    ],
    exampleQuestions: [
      'is there a fee if I cancel my order?',
      'how much does it cost to cancel',
      'will I be charged a cancellation penalty',
      'do you charge anything for cancelling a purchase',
    ],
    quickReplies: ['Cancel an order', 'Refund policy'],
  },
  {
    intent: 'check_invoice',
    locale: 'en',
    title: 'Find an invoice',
    variants: [
      {
        body: 'The invoice for order {{order.number}} is under My account → Orders → {{order.number}} → "Invoice". Invoices appear there as soon as the order has shipped.',
      },
      {
        body: 'All your invoices are under My account → Orders: open an order and choose "Invoice". An invoice appears as soon as the order has shipped.',
      },
    ],
    exampleQuestions: [
      'where can I see my invoice',
      'I cannot find the bill for my order',
      'how do I look up an old invoice',
      'show me the invoice for my last purchase',
    ],
    quickReplies: ['Send me the invoice', 'Talk to a person'],
  },
  {
    intent: 'check_payment_methods',
    locale: 'en',
    title: 'Payment methods',
    variants: [
      {
        body: '{{shop.name}} accepts the payment methods shown at checkout, usually major credit and debit cards, PayPal and Apple Pay / Google Pay. The exact list for your country appears on the payment step before you confirm.',
      },
      {
        body: 'We accept the payment methods shown at checkout, usually major credit and debit cards, PayPal and Apple Pay / Google Pay. The exact list for your country appears on the payment step before you confirm.',
      },
    ],
    exampleQuestions: [
      'what payment methods do you accept',
      'can I pay with PayPal?',
      'do you take credit cards',
      'which ways can I pay for my order',
      'is Apple Pay available',
    ],
  },
  {
    intent: 'check_refund_policy',
    locale: 'en',
    title: 'Refund policy',
    variants: [
      {
        body: 'You can return most items within {{shop.returnWindowDays}} days of delivery for a full refund of the item price, as long as they are unused and in their original packaging. Refunds go back to the original payment method within 5–10 working days after we receive the return. The return form shows the return shipping cost for your order, if any, and gives you the label; past the {{shop.returnWindowDays}} days, a colleague can check whether an exception is possible.',
      },
      {
        body: 'You can return most unused items in their original packaging for a full refund of the item price. Refunds go back to the original payment method within 5–10 working days after we receive the return. The exact return period is on our returns page, and the return form shows the return shipping cost for your order, if any, and gives you the label.',
      },
    ],
    exampleQuestions: [
      'what is your refund policy',
      'can I get my money back if I do not like it',
      'how many days do I have to return something',
      'in which cases do you give refunds',
    ],
    quickReplies: ['Start a refund', 'Track my refund'],
  },
  {
    intent: 'complaint',
    locale: 'en',
    title: 'Make a complaint',
    variants: [
      {
        body: "I'm sorry about this, {{customer.firstName}}. Please tell me what happened, with the order number if it is about an order, and I will pass it to our team so a person looks into it. You can also write to {{shop.supportEmail}}.",
      },
      {
        body: "I'm sorry about this. Please tell me what happened, with the order number if it is about an order, and I will pass it to our team so a person looks into it.",
      },
    ],
    exampleQuestions: [
      'I want to make a complaint',
      'this is unacceptable, I am very unhappy with your service',
      'how do I file a complaint about my order',
      'your delivery was terrible and nobody helps me',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    intent: 'contact_customer_service',
    locale: 'en',
    title: 'Contact customer service',
    variants: [
      {
        body: 'Our customer service team is available {{shop.supportHours}}. You can reach them right here in the chat or by e-mail at {{shop.supportEmail}}.',
      },
      {
        body: 'You can reach our customer service team by e-mail at {{shop.supportEmail}}, or right here in the chat.',
      },
      {
        body: 'You can reach our customer service team right here in the chat: just say "agent" and a person will take over.',
      },
    ],
    exampleQuestions: [
      'how can I contact customer service',
      'what are your support hours',
      'what is your customer service email',
      'when can I reach your support team',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    intent: 'contact_human_agent',
    locale: 'en',
    title: 'Talk to a person',
    variants: [
      {
        body: "Of course. I'm handing this chat to a member of our team; they are available {{shop.supportHours}} and will see everything we've discussed so far.",
      },
      {
        body: "Of course. I'm handing this chat to a member of our team, who will see everything we've discussed so far.",
      },
    ],
    exampleQuestions: [
      'I want to talk to a human',
      'can I speak to a real person',
      'connect me with an agent please',
      'stop the bot, I need an operator',
    ],
  },
  {
    intent: 'create_account',
    locale: 'en',
    title: 'Create an account',
    variants: [
      {
        body: 'Creating an account at {{shop.name}} takes a minute: choose "Sign in" → "Create account", enter your e-mail address and a password, and confirm the link we send you. Orders you placed as a guest with the same e-mail address show up automatically.',
      },
      {
        body: 'Creating an account takes a minute: choose "Sign in" → "Create account", enter your e-mail address and a password, and confirm the link we send you. Orders you placed as a guest with the same e-mail address show up automatically.',
      },
    ],
    exampleQuestions: [
      'how do I create an account',
      'I want to sign up',
      'can I open a new customer account',
      'register a new profile',
    ],
    quickReplies: ['Problems signing up'],
  },
  {
    intent: 'delete_account',
    locale: 'en',
    title: 'Delete an account',
    variants: [
      {
        body: 'You can delete your account under My account → Privacy → "Delete account". We then erase your personal data, except what the law requires us to keep for invoices. Open orders must be completed or cancelled first. If you prefer, write to {{shop.supportEmail}} and we will do it for you.',
      },
      {
        body: 'You can delete your account under My account → Privacy → "Delete account". We then erase your personal data, except what the law requires us to keep for invoices. Open orders must be completed or cancelled first.',
      },
    ],
    exampleQuestions: [
      'please delete my account',
      'how do I close my account',
      'I want you to remove all my data',
      'cancel my customer profile',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    intent: 'delivery_options',
    locale: 'en',
    title: 'Delivery options',
    variants: [
      {
        body: '{{shop.name}} offers standard and express delivery; some areas also have pickup points. The options, prices and countries available for your address are shown at checkout as soon as you enter it.',
      },
      {
        body: 'We offer standard and express delivery; some areas also have pickup points. The options, prices and countries available for your address are shown at checkout as soon as you enter it.',
      },
    ],
    exampleQuestions: [
      'what shipping options do you have',
      'can you send parcels to Canada?',
      'is express shipping available',
      'can I pick up my order at a collection point',
      'which countries do you ship to',
    ],
    quickReplies: ['How long does delivery take?'],
  },
  {
    intent: 'delivery_period',
    locale: 'en',
    title: 'Delivery time',
    variants: [
      {
        body: 'Order {{order.number}} is {{order.status}} and is expected to arrive {{order.eta}}.',
      },
      {
        body: 'Standard delivery usually takes 3–5 working days and express 1–2 working days after dispatch. The exact estimate is in your order confirmation; tell me the order number and I will look it up.',
      },
    ],
    exampleQuestions: [
      'how long does delivery take',
      'when will my parcel arrive',
      'how many days until I get my order',
      'what is the expected delivery date',
    ],
    quickReplies: ['Track my order'],
  },
  {
    intent: 'edit_account',
    locale: 'en',
    title: 'Edit account details',
    variants: [
      {
        body: 'You can change your name, e-mail address, phone number and password under My account → Profile. A new e-mail address only takes effect after you confirm the link we send to it.',
      },
    ],
    exampleQuestions: [
      'how do I change my email address',
      'I want to update my account details',
      'edit my phone number in my profile',
      'where can I change my name on my account',
    ],
  },
  {
    intent: 'get_invoice',
    locale: 'en',
    title: 'Get an invoice',
    variants: [
      {
        body: 'You can download the invoice for order {{order.number}} as a PDF under My account → Orders → {{order.number}} → "Invoice". If you need the company name or VAT number on it, tell me and I will pass it to our team.',
      },
      {
        body: 'You can download every invoice as a PDF under My account → Orders → "Invoice". If you need the company name or VAT number on it, tell me the order number and I will pass it to our team.',
      },
    ],
    exampleQuestions: [
      'can you send me the invoice',
      'I need a receipt for my order',
      'download the invoice as a PDF',
      'I need an invoice with my company details',
    ],
  },
  {
    intent: 'get_refund',
    locale: 'en',
    title: 'Request a refund',
    variants: [
      {
        body: 'To get a refund for order {{order.number}}, open it under My account → Orders → "Return or refund", pick the items and the reason. Returns are accepted within {{shop.returnWindowDays}} days of delivery; the money goes back to your original payment method once we receive the items.',
      },
      {
        body: 'To get a refund, open the order under My account → Orders → "Return or refund", pick the items and the reason. The money goes back to your original payment method once we receive the items.',
      },
    ],
    exampleQuestions: [
      'I want a refund',
      'how do I get my money back',
      'please refund my order',
      'the item is broken, I want a refund',
      'request reimbursement for my purchase',
    ],
    quickReplies: ['Refund policy', 'Track my refund'],
  },
  {
    intent: 'newsletter_subscription',
    locale: 'en',
    title: 'Newsletter',
    variants: [
      {
        body: 'You can subscribe to the {{shop.name}} newsletter at the bottom of any page or under My account → Preferences. To unsubscribe, use the link at the end of any newsletter or untick it in the same place.',
      },
      {
        body: 'You can subscribe to our newsletter at the bottom of any page or under My account → Preferences. To unsubscribe, use the link at the end of any newsletter or untick it in the same place.',
      },
    ],
    exampleQuestions: [
      'how do I sign up for your newsletter',
      'I want to unsubscribe from your emails',
      'subscribe me to the newsletter',
      'stop sending me marketing emails',
    ],
  },
  {
    intent: 'payment_issue',
    locale: 'en',
    title: 'Payment problem',
    variants: [
      {
        body: 'Sorry about the trouble with the payment. If it was declined, check the card details and that your bank allows online payments, then try again or choose another method. If you were charged twice, or charged while order {{order.number}} still shows as {{order.status}}, the extra charge is usually released by your bank within a few days; an agent can check it and refund it if not.',
      },
      {
        body: 'Sorry about the trouble with the payment. If it was declined, check the card details and that your bank allows online payments, then try again or choose another method. If you were charged twice, or charged without getting an order confirmation, an agent will check it and refund any extra charge.',
      },
    ],
    exampleQuestions: [
      'my payment failed',
      'I was charged but the order did not go through',
      'my card keeps getting declined',
      'there is an error when I try to pay',
      'I was charged twice for one order',
    ],
    quickReplies: ['Payment methods', 'Talk to a person'],
  },
  {
    intent: 'place_order',
    locale: 'en',
    title: 'Place an order',
    variants: [
      {
        body: 'Add the products you want to your cart, open the cart and choose "Checkout". You can check out as a guest or sign in; after payment you receive a confirmation e-mail with your order number. I can also suggest products if you tell me what you are looking for.',
      },
    ],
    exampleQuestions: [
      'how do I place an order',
      'I want to buy several items',
      'how does ordering work on your site',
      'can I order without an account',
    ],
    quickReplies: ['Recommend something', 'Payment methods'],
  },
  {
    intent: 'recover_password',
    locale: 'en',
    title: 'Reset a password',
    variants: [
      {
        body: 'Choose "Sign in" → "Forgot password?" and enter your e-mail address; we send a reset link that is valid for one hour. If it does not arrive within a few minutes, check your spam folder.',
      },
    ],
    exampleQuestions: [
      'I forgot my password',
      'how can I reset my password',
      'I cannot log in to my account',
      'the password reset email never came',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    intent: 'registration_problems',
    locale: 'en',
    title: 'Problems signing up',
    variants: [
      {
        body: 'Sorry you are having trouble signing up. The most common causes are an e-mail address that already has an account (try "Forgot password?" instead) and a confirmation e-mail stuck in the spam folder. If neither helps, tell me the error message you see and I will pass it to our team.',
      },
    ],
    exampleQuestions: [
      'I cannot register on your site',
      'sign up is not working',
      'I never got the account confirmation email',
      'there is an error when I create an account',
    ],
    quickReplies: ['Reset my password', 'Talk to a person'],
  },
  {
    intent: 'review',
    locale: 'en',
    title: 'Leave a review or feedback',
    variants: [
      {
        body: 'Thank you for wanting to share your opinion, {{customer.firstName}}! You can review a product on its page under "Reviews" once your order has been delivered. For feedback about {{shop.name}} itself, just write it here and I will pass it on.',
      },
      {
        body: 'Thank you for wanting to share your opinion! You can review a product on its page under "Reviews" once your order has been delivered. For feedback about our service, just write it here and I will pass it on.',
      },
    ],
    exampleQuestions: [
      'I want to leave a review',
      'where can I give feedback about a product',
      'how do I rate my purchase',
      'I would like to send you some feedback',
    ],
  },
  {
    intent: 'set_up_shipping_address',
    locale: 'en',
    title: 'Save a shipping address',
    variants: [
      {
        body: 'You can save one or more shipping addresses under My account → Addresses → "Add address", and mark one as default. At checkout you can pick any saved address or enter a new one. An order already placed keeps its own address: to change that, tap "Change the delivery address".',
      },
    ],
    exampleQuestions: [
      'how do I add a shipping address to my account',
      'I want to save a second delivery address',
      'set a default shipping address',
      'I cannot save my address',
    ],
    quickReplies: ['Change the delivery address'],
  },
  {
    intent: 'switch_account',
    locale: 'en',
    title: 'Switch accounts',
    variants: [
      {
        body: 'To use another account, sign out under My account → "Sign out" and sign in with the other e-mail address. Orders stay with the account they were placed from; an agent can move an order to another account if needed.',
      },
    ],
    exampleQuestions: [
      'how do I switch to my other account',
      'I am logged into the wrong account',
      'change to a different profile',
      'can I use my second account instead',
    ],
  },
  {
    intent: 'track_order',
    locale: 'en',
    title: 'Track an order',
    variants: [
      {
        body: 'Order {{order.number}} is {{order.status}} and should arrive {{order.eta}}. You can follow it with {{order.carrier}} here: {{order.trackingUrl}}',
      },
      {
        body: 'Order {{order.number}} is {{order.status}}. You can follow the parcel here: {{order.trackingUrl}}',
      },
      {
        body: 'Order {{order.number}} is {{order.status}}. You will get an e-mail with the tracking link as soon as it ships.',
      },
      {
        body: 'I can check that for you. What is your order number? You will find it in the confirmation e-mail and under My account → Orders.',
      },
    ],
    exampleQuestions: [
      'where is my order',
      'track my package',
      'has my order shipped yet?',
      'what is the status of order 10023',
      'my parcel has not arrived',
    ],
    quickReplies: ['Change the delivery address', 'Talk to a person'],
  },
  {
    intent: 'track_refund',
    locale: 'en',
    title: 'Track a refund',
    variants: [
      {
        body: 'Your refund of {{refund.amount}} for order {{order.number}} is {{refund.status}}. Once sent, it usually takes 5–10 working days to show on your statement, depending on your bank.',
      },
      {
        body: 'The refund for order {{order.number}} is {{refund.status}}. Once sent, it usually takes 5–10 working days to show on your statement, depending on your bank.',
      },
      {
        body: 'Refunds are issued as soon as we receive and check the returned items, and then take 5–10 working days to show on your statement. Tell me the order number and I will check where yours is.',
      },
    ],
    exampleQuestions: [
      'where is my refund',
      'has my refund been processed',
      'I still have not received my money back',
      'when will I get my refund',
    ],
    quickReplies: ['Talk to a person'],
  },
  {
    intent: 'greeting',
    locale: 'en',
    title: 'Greeting',
    variants: [
      { body: 'Hi {{customer.firstName}}! How can I help you today?' },
      { body: 'Hi! Welcome to {{shop.name}}. How can I help you today?' },
      { body: 'Hi! How can I help you today?' },
    ],
    exampleQuestions: ['hello', 'hi there', 'good morning', 'hey, anyone there?'],
    quickReplies: ['Track my order', 'Recommend something', 'Talk to a person'],
  },
  {
    intent: 'goodbye',
    locale: 'en',
    title: 'Goodbye',
    variants: [
      { body: 'Thanks for chatting with {{shop.name}}, {{customer.firstName}}. Have a great day!' },
      { body: 'Thanks for chatting with us. Have a great day!' },
    ],
    exampleQuestions: ['bye', 'that is all, goodbye', 'see you later', "ok I'm done, bye"],
  },
  {
    intent: 'thanks',
    locale: 'en',
    title: 'Thanks',
    variants: [{ body: "You're welcome! Is there anything else I can help you with?" }],
    exampleQuestions: [
      'thank you',
      'thanks a lot',
      'great, thanks for your help',
      'perfect, thank you so much',
    ],
  },
  {
    intent: 'product_recommendation',
    locale: 'en',
    title: 'Product recommendations',
    variants: [
      {
        body: 'Happy to help you choose! Tell me what you are looking for — who it is for, the occasion, your size or your budget — and I will suggest a few products.',
      },
    ],
    exampleQuestions: [
      'can you recommend something',
      'what should I buy as a gift',
      'what are your best sellers',
      'suggest something similar to what I bought last time',
    ],
  },
  {
    intent: 'product_question',
    locale: 'en',
    title: 'Question about a product',
    variants: [
      {
        body: 'Sizes, materials, care instructions and stock are listed on each product page. Tell me which product you mean (a link or its name) and what you would like to know, and I will find the answer or ask a colleague.',
      },
    ],
    exampleQuestions: [
      'is this dress available in medium',
      'what material is this jacket made of',
      'is this item in stock',
      'does this size run small',
    ],
  },
  {
    intent: 'oos',
    locale: 'en',
    title: 'Fallback: no answer found',
    variants: [
      {
        body: "Sorry, I'm not sure I understood that. I can help with orders, deliveries, returns, payments and your account — or connect you with a person.",
      },
    ],
    exampleQuestions: [],
    quickReplies: ['Track my order', 'Returns and refunds', 'Talk to a person'],
  },
];
