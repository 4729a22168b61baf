import { SeededRandom } from './seeded-random';

/**
 * A small synthetic intent dataset for tests: fixed templates per intent filled with slot words.
 * Train and test use disjoint slot words, so test sentences never occur in training.
 */
const TEMPLATES: Record<string, string[]> = {
  track_order: [
    'where is my {x}',
    'track the {x} I ordered',
    'has my {x} shipped yet',
    '我的{z}到哪里了',
  ],
  cancel_order: [
    'cancel my {x} order',
    'I do not want the {x} anymore, cancel it',
    'please stop the {x} order',
    '取消{z}的订单',
  ],
  get_refund: [
    'I want my money back for the {x}',
    'refund the {x} please',
    'how do I get a refund on my {x}',
    '{z}退款',
  ],
  greeting: ['hello there {n}', 'hi, good morning {n}', 'hey {n}', '你好{n}'],
  oos: [
    'what is the weather in {c}',
    'tell me a joke about {c}',
    'who won the game in {c}',
    '{c}天气怎么样',
  ],
};

const TRAIN_SLOTS = {
  x: ['shoes', 'jacket', 'laptop', 'phone case', 'dress', 'headphones', 'watch', 'backpack'],
  z: ['鞋子', '外套', '电脑', '手机壳'],
  n: ['anna', 'bob', 'team', 'friend'],
  c: ['paris', 'london', 'tokyo', 'berlin'],
};
const TEST_SLOTS = {
  x: ['sneakers', 'coat', 'tablet', 'skirt'],
  z: ['裙子', '耳机'],
  n: ['carl', 'folks'],
  c: ['madrid', 'rome'],
};

function fill(template: string, slots: Record<string, string[]>, rng: SeededRandom): string {
  return template.replace(/\{(\w)\}/g, (_, key: string) => {
    const words = slots[key];
    return words[Math.floor(rng.next() * words.length)];
  });
}

export function generatedIntents(
  split: 'train' | 'test',
  perTemplate: number,
  seed = 3,
): { text: string; label: string; line: number }[] {
  const rng = new SeededRandom(seed);
  const slots = split === 'train' ? TRAIN_SLOTS : TEST_SLOTS;
  const out: { text: string; label: string; line: number }[] = [];
  for (const [label, templates] of Object.entries(TEMPLATES)) {
    for (const template of templates) {
      for (let i = 0; i < perTemplate; i++)
        out.push({ text: fill(template, slots, rng), label, line: out.length + 2 });
    }
  }
  return out;
}
