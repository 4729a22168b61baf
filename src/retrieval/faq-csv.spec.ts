import { RetrievalError } from './retrieval.errors';
import { parseFaqCsv } from './faq-csv';

function errorOf(run: () => unknown): RetrievalError {
  try {
    run();
  } catch (e) {
    return e as RetrievalError;
  }
  throw new Error('expected parseFaqCsv to throw');
}

describe('parseFaqCsv', () => {
  it('turns each row into an answer template draft', () => {
    const drafts = parseFaqCsv(
      'question,answer\r\n' +
        'Do you ship to Canada?,"Yes, we ship to Canada in 5-8 days."\r\n' +
        '"Can I pay with ""Klarna""?","Not yet.\nWe take cards and PayPal."\r\n',
    );
    expect(drafts).toEqual([
      {
        line: 2,
        intent: null,
        locale: 'en',
        title: 'Do you ship to Canada?',
        variants: [{ body: 'Yes, we ship to Canada in 5-8 days.' }],
        exampleQuestions: ['Do you ship to Canada?'],
        source: 'faq',
      },
      expect.objectContaining({
        line: 3,
        exampleQuestions: ['Can I pay with "Klarna"?'],
        variants: [{ body: 'Not yet.\nWe take cards and PayPal.' }],
      }),
    ]);
  });

  it('reads the optional locale column, a UTF-8 buffer with BOM, and slots in answers', () => {
    const csv =
      '\uFEFFQuestion,Answer,Locale\n可以开发票吗？,可以，下单后在订单页申请即可。,zh\nWhere is my order?,Order {{order.number}} is {{order.status}}.,\n';
    const drafts = parseFaqCsv(Buffer.from(csv, 'utf8'));
    expect(drafts.map((d) => [d.locale, d.title])).toEqual([
      ['zh', '可以开发票吗？'],
      ['en', 'Where is my order?'],
    ]);
  });

  it('rejects the whole file when a row is bad, naming the line', () => {
    const error = errorOf(() =>
      parseFaqCsv(
        'question,answer\nFine?,Yes.\n"Multi\nline?","Yes\nreally."\nBroken,row,extra\nLast?,Ok.\n',
      ),
    );
    expect(error.code).toBe('FAQ_CSV_INVALID');
    expect(error.message).toContain('line 6: expected 2 fields, found 3');
    expect(error.message).toContain('nothing imported');
    expect(error.details as object).toMatchObject({ line: 6 });
  });

  it('lists every bad line, not just the first', () => {
    const error = errorOf(() =>
      parseFaqCsv(
        'question,answer,locale\n,No question.,en\nNo answer?, ,en\nFrench?,Oui.,fr\nSlot?,Hi {{customer.name}},en\nOk?,"unterminated\n',
      ),
    );
    const lines = ((error.details as { errors: unknown }).errors as { line: number }[]).map(
      (e) => e.line,
    );
    expect(lines).toEqual([2, 3, 4, 5, 6]);
    expect(error.message).toMatch(/line 2: the question is empty/);
    expect(error.message).toMatch(/line 4: locale "fr"/);
    expect(error.message).toMatch(/line 5: the answer has unknown slot \{\{customer\.name\}\}/);
    expect(error.message).toMatch(/line 6: a quoted field is never closed/);
  });

  it('rejects stray quotes and duplicate questions', () => {
    const error = errorOf(() =>
      parseFaqCsv('question,answer\nSay "hi",Hi\n"Quoted"x,Hi\nSame?,A\nsame?,B\n'),
    );
    expect(error.message).toMatch(/line 2: a quote inside an unquoted field/);
    expect(error.message).toMatch(/line 3: text after a closing quote/);
    expect(error.message).toMatch(/line 5: the same question is already on line 4/);
  });

  it('rejects a missing or wrong header', () => {
    expect(errorOf(() => parseFaqCsv('q,a\nx,y\n')).message).toMatch(/line 1: the header must be/);
    expect(errorOf(() => parseFaqCsv('')).code).toBe('FAQ_CSV_INVALID');
  });

  it('rejects bytes that are not UTF-8', () => {
    const latin1 = Buffer.concat([
      Buffer.from('question,answer\nCaf'),
      Buffer.from([0xe9]),
      Buffer.from('?,Oui\n'),
    ]);
    expect(errorOf(() => parseFaqCsv(latin1)).message).toMatch(/not valid UTF-8/);
  });
});
