import { RetrievalError } from './retrieval.errors';
import { findTemplateProblems, render, templateSlots, validateTemplate } from './template-renderer';

const orderVariants = [
  {
    body: 'Hi {{customer.firstName}}, order {{order.number}} is {{order.status}} and should arrive {{order.eta}}.',
  },
  { body: 'Order {{ order.number }} is {{order.status}}.' },
  { body: 'Tell me your order number and I will look it up.' },
];

describe('validateTemplate', () => {
  it('accepts known slots, with or without spaces inside the braces', () => {
    expect(() => validateTemplate(orderVariants)).not.toThrow();
  });

  it('rejects unknown slots and lists every one of them', () => {
    let error: RetrievalError | undefined;
    try {
      validateTemplate([
        { body: 'Order {{order.numbr}} for {{customer.lastName}}' },
        { body: 'ok' },
      ]);
    } catch (e) {
      error = e as RetrievalError;
    }
    expect(error?.code).toBe('TEMPLATE_INVALID');
    expect(error?.status).toBe(400);
    expect(error?.message).toContain('{{order.numbr}}');
    expect(error?.message).toContain('{{customer.lastName}}');
    expect(error?.message).toContain('{{order.number}}'); // the list of known slots helps fix it
  });

  it('rejects malformed braces', () => {
    const problems = findTemplateProblems([
      { body: 'Order {order.number} is here' },
      { body: 'Order {{order.number} is here' },
      { body: 'Order {{order.number}}} is here' },
      { body: 'Order {{}} is here' },
    ]);
    const kinds = [...new Set(problems.map((p) => `${p.variant}:${p.problem}`))].map((k) =>
      k.split(':'),
    );
    expect(kinds.map(([v, p]) => [Number(v), p])).toEqual([
      [0, 'malformed-braces'],
      [1, 'malformed-braces'],
      [2, 'malformed-braces'],
      [3, 'unknown-slot'],
    ]);
  });

  it('rejects an empty template', () => {
    expect(() => validateTemplate([])).toThrow(
      expect.objectContaining({ code: 'TEMPLATE_INVALID' }),
    );
    expect(() => validateTemplate('   ')).toThrow(/body is empty/);
  });
});

describe('render', () => {
  it('uses the first variant whose slots are all known', () => {
    const full = render(orderVariants, {
      customer: { firstName: 'Ana' },
      order: { number: 'A-1001', status: 'shipped', eta: 'Friday 12 June' },
    });
    expect(full).toEqual({
      text: 'Hi Ana, order A-1001 is shipped and should arrive Friday 12 June.',
      html: 'Hi Ana, order A-1001 is shipped and should arrive Friday 12 June.',
      variant: 0,
    });
    expect(render(orderVariants, { order: { number: 'A-1001', status: 'shipped' } })?.text).toBe(
      'Order A-1001 is shipped.',
    );
    expect(render(orderVariants, {})?.variant).toBe(2);
  });

  it('treats blank values as missing', () => {
    const rendered = render(orderVariants, { order: { number: '  ', status: 'shipped' } });
    expect(rendered?.variant).toBe(2);
  });

  it('returns null rather than showing an unfilled slot', () => {
    expect(render([{ body: 'Order {{order.number}}' }], {})).toBeNull();
  });

  it('skips a stored variant that no longer validates', () => {
    const rendered = render([{ body: 'Order {{order.legacyField}}' }, { body: 'Fallback.' }], {});
    expect(rendered?.text).toBe('Fallback.');
  });

  it('escapes values for HTML and keeps the plain text readable', () => {
    const rendered = render([{ body: 'Thanks {{customer.firstName}} & welcome!' }], {
      customer: { firstName: `O'Brien <script>alert(1)</script>` },
    });
    expect(rendered?.text).toBe(`Thanks O'Brien <script>alert(1)</script> & welcome!`);
    expect(rendered?.html).toBe(
      'Thanks O&#39;Brien &#60;script&#62;alert(1)&#60;/script&#62; &#38; welcome!',
    );
  });

  it('never lets braces from a value look like a slot', () => {
    const rendered = render([{ body: 'Status: {{order.status}}' }], {
      order: { status: '{{order.number}}\nlate' },
    });
    expect(rendered?.text).toBe('Status: order.number late');
  });

  it('formats numbers as given', () => {
    expect(
      render([{ body: '{{shop.returnWindowDays}} days' }], { shop: { returnWindowDays: 30 } })
        ?.text,
    ).toBe('30 days');
  });
});

describe('templateSlots', () => {
  it('lists each slot once in order of use', () => {
    expect(templateSlots(orderVariants[0].body)).toEqual([
      'customer.firstName',
      'order.number',
      'order.status',
      'order.eta',
    ]);
  });
});
