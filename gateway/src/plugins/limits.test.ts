import { countTokens, TOKEN_MEMO_ENTRIES, TOKEN_MEMO_MAX_CHARS, tokenCounter } from './limits';

describe('token counting', () => {
  test('the remembering counter answers as countTokens does, for short, long, repeated and over-limit documents', () => {
    const stop = 40;
    const measure = tokenCounter(stop);
    const short = '{ commune(code: "00004") { code name } }';
    const many = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const long = `{ ${'__typename '.repeat(Math.ceil(TOKEN_MEMO_MAX_CHARS / 11) + 1)}}`;
    expect(long.length).toBeGreaterThan(TOKEN_MEMO_MAX_CHARS);
    for (const doc of [short, many, long, short, many, long]) expect(measure(doc)).toBe(countTokens(doc, stop));
    expect(measure(short)).toBe(12); // { commune ( code : "00004" ) { code name } }
    // Past the stop the measure is stop + 1, remembered or not.
    expect(measure(many)).toBe(stop + 1);
    expect(measure(many)).toBe(stop + 1);
  });

  test('past its size the memo starts again and stays right', () => {
    const measure = tokenCounter(10_000);
    const docs = Array.from({ length: TOKEN_MEMO_ENTRIES + 50 }, (_, i) => `{ ${'__typename '.repeat(i % 7)}f${i} }`);
    const wrong = [...docs, ...docs.reverse()].filter((doc) => measure(doc) !== countTokens(doc));
    expect(wrong).toEqual([]);
  });
});
