import { toLabelledCsv } from './labelled-csv';

describe('toLabelledCsv', () => {
  it('writes the header and quotes cells with commas, quotes and line breaks', () => {
    expect(
      toLabelledCsv([
        { text: 'where is my order', label: 'track_order' },
        { text: 'I said "cancel", not\nrefund', label: 'cancel_order' },
      ]),
    ).toBe(
      'text,label\nwhere is my order,track_order\n"I said ""cancel"", not\nrefund",cancel_order\n',
    );
  });

  it('writes only the header when there is nothing to export', () => {
    expect(toLabelledCsv([])).toBe('text,label\n');
  });
});
