import { ProductMentions } from './product-mention';

const catalogue = new ProductMentions([
  {
    id: 'a',
    title: 'Ember All-Weather Hiking Backpack',
    sku: 'SP-0124',
    titleZh: 'Ember 登山背包',
  },
  {
    id: 'b',
    title: 'Juniper Foldable Hiking Backpack',
    sku: 'SP-0125',
    titleZh: 'Juniper 登山背包',
  },
  { id: 'c', title: 'Ember Adventure Jigsaw Puzzle', sku: 'TG-0167', titleZh: 'Ember 拼图' },
  { id: 'd', title: 'Kestrel Nordic Glass Food Containers', sku: null, titleZh: '保鲜盒' },
]);
const found = (message: string) => catalogue.find(message)?.id ?? null;

describe('ProductMentions', () => {
  it('finds a product named by most of its title, in any case and word order', () => {
    expect(found('is the Ember All-Weather Hiking Backpack waterproof?')).toBe('a');
    expect(found('how big is the ember hiking backpack')).toBe('a');
    expect(found('do you still sell the foldable hiking backpack from juniper')).toBe('b');
    expect(found('glass food containers by kestrel - microwave safe?')).toBe('d');
  });

  it('finds a product by its SKU and by its Chinese title', () => {
    expect(found('what colours does SP-0125 come in')).toBe('b');
    expect(found('sp0124 in stock?')).toBe('a');
    expect(found('Ember 登山背包有货吗')).toBe('a');
    expect(found('这个保鲜盒能进微波炉吗')).toBe('d');
  });

  it('names nothing when too little of a title is there, or when two products fit equally', () => {
    expect(found('do you have a backpack')).toBeNull();
    expect(found('the Ember one')).toBeNull();
    expect(found('is the hiking backpack waterproof')).toBeNull(); // Ember's or Juniper's
    expect(found('登山背包防水吗')).toBeNull();
    expect(found('where is my order')).toBeNull();
  });

  it('lists the products a message names in part, most shared words first', () => {
    const candidates = (message: string) => catalogue.candidates(message, 4).map((p) => p.id);
    expect(candidates('do you have the Ember backpack in blue?')).toEqual(['a']);
    expect(candidates('is the hiking backpack waterproof')).toEqual(['a', 'b']);
    expect(candidates('登山背包防水吗')).toEqual(['a', 'b']);
    expect(candidates('Ember 背包有蓝色的吗')).toEqual(['a']);
    expect(candidates('do you have a backpack')).toEqual([]);
    expect(candidates('where is my order')).toEqual([]);
  });
});
