import { ASKS_SIZE, colourAsked, comesIn } from './product-variants';

describe('product variants asked about', () => {
  it('reads a colour asked for on its own, in English and Chinese', () => {
    expect(colourAsked('in black?')?.label).toBe('black');
    expect(colourAsked('do they come in navy')?.words).toEqual(['navy']);
    expect(colourAsked('any blue ones?')?.words).toEqual(['blue', 'navy', 'sky', 'teal']);
    expect(colourAsked('有黑色的吗')?.label).toBe('黑色');
    expect(colourAsked('这几款有白色吗')?.words).toContain('white');
    for (const not of [
      'my black jacket never arrived',
      'black friday deals?',
      '黑色星期五有活动吗',
    ])
      expect(colourAsked(not)).toBeNull();
  });

  it('finds the colour in a title or description as a whole word', () => {
    const blue = colourAsked('blue?')!;
    expect(comesIn(blue, { title: 'Rain Jacket', description: 'The rain jacket in sky.' })).toBe(
      true,
    );
    expect(comesIn(blue, { title: 'Skyline Lamp', description: null })).toBe(false);
  });

  it('reads a size asked for on its own', () => {
    for (const size of [
      'size M',
      'do they have XL?',
      'in a size 38?',
      'what about size 10.5',
      '有38码吗',
      'M码的呢',
    ])
      expect(ASKS_SIZE.test(size)).toBe(true);
    for (const not of [
      'I need a bigger size',
      'what size should I get for a 90 cm chest',
      'size M is too small',
    ])
      expect(ASKS_SIZE.test(not)).toBe(false);
  });
});
