import path from 'node:path';
import { headerRecord } from './datasource';

/** The Headers class @apollo/gateway builds subgraph requests with (node-fetch's, from the library's own dependency). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const LibraryHeaders = (require(require.resolve('node-fetch', { paths: [path.dirname(require.resolve('@apollo/gateway'))] })) as { Headers: new () => Headers })
  .Headers;

describe('headerRecord', () => {
  test("the library's headers have node-fetch's raw(), the path headerRecord takes for them", () => {
    expect(typeof (new LibraryHeaders() as unknown as { raw?: unknown }).raw).toBe('function');
  });

  test("reads the library's headers as iterating them would, names in lower case, repeated values joined", () => {
    for (const make of [() => new LibraryHeaders(), () => new Headers()]) {
      const headers = make();
      headers.set('Content-Type', 'application/json');
      headers.set('x-kh02-gateway-secret', 's3cret');
      headers.append('Accept', 'application/json');
      headers.append('accept', 'text/plain');
      const record = headerRecord(headers as unknown as Iterable<[string, string]>);
      const lowered = Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
      expect(lowered).toEqual(Object.fromEntries(headers as unknown as Iterable<[string, string]>));
      expect(lowered).toEqual({ 'content-type': 'application/json', 'x-kh02-gateway-secret': 's3cret', accept: 'application/json, text/plain' });
    }
  });
});
