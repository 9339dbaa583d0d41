import { csvField, flatten, percentKind, statusOfErrors, toCsv } from './export';

describe('flatten', () => {
  test('the first list of objects becomes the rows, one column per leaf path', () => {
    const table = flatten({
      provinces: [
        { code: '01', name: 'Hà Nội', greenCoverage: { percent: 100 } },
        { code: '04', name: 'Cao Bằng', greenCoverage: null },
      ],
    });
    expect(table.columns).toEqual(['code', 'name', 'greenCoverage.percent']);
    expect(table.rows).toEqual([
      ['01', 'Hà Nội', 100],
      ['04', 'Cao Bằng', null],
    ]);
  });

  test('a connection is read through its nodes (without cursors), edge fields beside them; lists in a row are joined', () => {
    const table = flatten({
      province: {
        name: 'Lai Châu',
        communes: {
          totalCount: 2,
          edges: [
            { cursor: 'a', note: 'n', node: { code: '1', unmet: [{ code: 'X' }, { code: 'Y' }] } },
            { cursor: 'b', note: null, node: { code: '2', unmet: [] } },
          ],
        },
      },
    });
    expect(table.columns).toEqual(['code', 'unmet.code', 'note']);
    expect(table.rows).toEqual([
      ['1', 'X; Y', 'n'],
      ['2', null, null],
    ]);
  });

  test('without a list the answer is one row; a list of scalars is one column', () => {
    expect(flatten({ country: { code: 'VN', progress: { green: 34 } } })).toEqual({ columns: ['country.code', 'country.progress.green'], rows: [['VN', 34]] });
    expect(flatten({ cutoffs: ['a', 'b'] })).toEqual({ columns: ['value'], rows: [['a'], ['b']] });
  });
});

test('CSV: RFC 4180 quoting, a byte-order mark, CRLF', () => {
  expect(csvField('Phường "Ba Đình", Hà Nội')).toBe('"Phường ""Ba Đình"", Hà Nội"');
  expect(csvField('a\nb')).toBe('"a\nb"');
  expect(csvField(null)).toBe('');
  expect(csvField(32.73)).toBe('32.73');
  const bytes = toCsv({ columns: ['name'], rows: [['Hà Nội']] });
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.subarray(3).toString('utf8')).toBe('name\r\nHà Nội\r\n');
});

test('percentages and rates are recognised by their field name', () => {
  expect(['greenCoverage.percent', 'progress.expectedPercent', 'coverage.rate', 'stats.onlineSubmissionRate', 'code'].map(percentKind)).toEqual([
    'percent',
    'percent',
    'rate',
    undefined,
    undefined,
  ]);
});

test('an export that errors answers the most telling HTTP status', () => {
  expect(statusOfErrors([{ extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } }], 400)).toBe(400);
  expect(statusOfErrors([{ extensions: { code: 'FORBIDDEN' } }], 200)).toBe(403);
  expect(statusOfErrors([{ extensions: { code: 'SUBGRAPH_UNAVAILABLE' } }], 200)).toBe(502);
  expect(statusOfErrors([{ extensions: { code: 'BAD_USER_INPUT' } }], 200)).toBe(400);
});
