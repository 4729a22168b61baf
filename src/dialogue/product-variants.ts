/**
 * Follow-ups about a variant of the products just shown: a colour ("in black?", "有蓝色的吗") or a
 * size ("size M", "do they have XL", "有38码吗"). Only the whole message counts, so "my black
 * jacket never arrived" is not one.
 */

/** A colour a shopper may ask for, with the catalogue words that are that colour. */
export interface Colour {
  /** As the reply names it ("black", "黑色"). */
  label: string;
  /** Words in a product's title or description that match it ("blue" finds navy and sky). */
  words: string[];
}

const FAMILIES: Record<string, string[]> = {
  black: ['black'],
  white: ['white', 'ivory'],
  grey: ['grey', 'gray', 'charcoal', 'silver'],
  gray: ['grey', 'gray', 'charcoal', 'silver'],
  blue: ['blue', 'navy', 'sky', 'teal'],
  red: ['red', 'rust', 'burgundy', 'maroon'],
  green: ['green', 'sage', 'olive', 'khaki'],
  beige: ['beige', 'sand', 'cream', 'tan'],
  brown: ['brown', 'tan', 'chocolate'],
  pink: ['pink', 'rose'],
  yellow: ['yellow', 'mustard'],
  purple: ['purple', 'lilac', 'violet'],
  orange: ['orange', 'rust'],
};
const EXACT = [
  'navy',
  'sky',
  'sage',
  'sand',
  'charcoal',
  'rust',
  'olive',
  'cream',
  'silver',
  'gold',
  'khaki',
  'teal',
  'burgundy',
];
const CHINESE: Record<string, string> = {
  黑: 'black',
  白: 'white',
  灰: 'grey',
  蓝: 'blue',
  红: 'red',
  绿: 'green',
  米: 'beige',
  棕: 'brown',
  咖啡: 'brown',
  粉: 'pink',
  黄: 'yellow',
  紫: 'purple',
  橙: 'orange',
};

const COLOUR_WORD = [...Object.keys(FAMILIES), ...EXACT].join('|');
const EN_COLOUR = new RegExp(
  `^(?:(?:and|but|ok|so)\\s+)?(?:(?:do (?:you|they) have|does it have|have (?:you|they) got|got|any|is it|is there|are they|are there|does it come|do they come|does this come|do these come|comes?|what about|how about|available|can i get)\\s+)?(?:(?:it|them|this|these|those|that|one|ones|any)\\s+)?(?:also\\s+)?(?:in\\s+)?(?:a\\s+)?(${COLOUR_WORD})(?:\\s+(?:one|ones|colou?r|version))?(?:\\s+(?:too|as well|available|please))?[\\s\\p{P}]*$`,
  'iu',
);
const ZH_COLOUR =
  /^(?:那)?(?:有没有|有)?(黑|白|灰|蓝|红|绿|米|棕|咖啡|粉|黄|紫|橙)色(?:的|款)?(?:吗|嘛|么|呢)?[\s\p{P}]*$|^(?:那)?(?:这几款|这些|它|这款)?(?:有没有|有)(黑|白|灰|蓝|红|绿|米|棕|咖啡|粉|黄|紫|橙)色(?:的|款)?(?:吗|嘛|么|呢)?[\s\p{P}]*$/u;

/** The colour a message asks the shown products in, if that is all it asks. */
export function colourAsked(text: string): Colour | null {
  const trimmed = text.trim();
  const en = EN_COLOUR.exec(trimmed);
  if (en) {
    const word = en[1].toLowerCase();
    return { label: word, words: FAMILIES[word] ?? [word] };
  }
  const zh = ZH_COLOUR.exec(trimmed);
  const char = zh?.[1] ?? zh?.[2];
  if (char) return { label: `${char}色`, words: FAMILIES[CHINESE[char]] };
  return null;
}

/** Whether a product's title or description names one of the colour's words. */
export function comesIn(colour: Colour, product: { title: string; description: string | null }) {
  const text = `${product.title} ${product.description ?? ''}`.toLowerCase();
  return colour.words.some((w) => new RegExp(`\\b${w}\\b`).test(text));
}

/** "Size M", "do they have XL?", "in a 38?", "有38码吗", "M码的呢": a size, and nothing else. */
export const ASKS_SIZE =
  /^(?:(?:and|but|ok|so)\s+)?(?:(?:do (?:you|they) have|does it have|have (?:you|they) got|got|any|is it|is there|are they|are there|does it come|do they come|what about|how about|can i get|i need|i need a|i'?d need)\s+)?(?:(?:it|them|this|these|those|that|one|ones)\s+)?(?:in\s+)?(?:an?\s+)?(?:size\s+(?:xxs|xs|s|m|l|xl|xxl|xxxl|\d{1,2}(?:\.5)?)|(?:xxs|xs|xl|xxl|xxxl)|(?:small|medium|large)\s+size|uk\s?\d{1,2}|eu\s?\d{2}|us\s?\d{1,2}(?:\.5)?)(?:\s+(?:too|as well|available|please))?[\s\p{P}]*$|^(?:那)?(?:有没有|有)?(?:XXS|XS|S|M|L|XL|XXL|XXXL|\d{2})码(?:的)?(?:吗|嘛|么|呢)?[\s\p{P}]*$|^(?:那)?(?:有|有没有|有哪些)?(?:什么)?尺码(?:吗|呢)?[\s\p{P}]*$/iu;
