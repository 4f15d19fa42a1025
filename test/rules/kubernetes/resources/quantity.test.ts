import assert from 'node:assert/strict';
import { parseQuantity, sameQuantity } from '../../../../rules/kubernetes/resources/quantity';

describe('resource quantities', () => {
  it('parses decimal, binary, milli and exponent forms', () => {
    const cases: Array<[string | number, number | undefined]> = [
      ['100m', 0.1],
      ['1', 1],
      [2, 2],
      ['0.5', 0.5],
      ['.5', 0.5],
      ['1Ki', 1024],
      ['128Mi', 128 * 2 ** 20],
      ['1G', 1e9],
      ['1e3', 1000],
      ['1.5Gi', 1.5 * 2 ** 30],
      ['', undefined],
      ['1 Gi', undefined],
      ['1gi', undefined],
      ['$(CPU)', undefined],
    ];
    assert.deepEqual(
      cases.map(([text]) => [text, parseQuantity(text)]),
      cases,
    );
  });

  it('compares within rounding', () => {
    assert.deepEqual(
      [sameQuantity(parseQuantity('0.1')!, parseQuantity('100m')!), sameQuantity(parseQuantity('1Gi')!, parseQuantity('1G')!)],
      [true, false],
    );
  });
});
