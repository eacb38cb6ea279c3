import { csvField } from './coupon-csv';

describe('CSV export field (csvField)', () => {
  it('writes plain values as they are and null/undefined as empty', () => {
    expect(csvField('7K3M9Q2XW8RTV4PZ')).toBe('7K3M9Q2XW8RTV4PZ');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes a comma, quote or line break (RFC 4180), doubling inner quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it.each(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes %j with a quote so a spreadsheet never runs it as a formula',
    (value) => {
      expect(csvField(value).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('a formula with a comma is both prefixed and quoted', () => {
    expect(csvField('=HYPERLINK("x",1)')).toBe(`"'=HYPERLINK(""x"",1)"`);
  });
});
