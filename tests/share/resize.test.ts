import { describe, expect, test } from 'vitest';
import { childIdOf, heightMessages, heightOf, parsePym, plainHeightMessage, pymHeightMessage } from '../../src/lib/share/resize';

describe('height messages', () => {
  test('pym.js format: pymxPYMx<id>xPYMxheightxPYMx<px>, rounded up', () => {
    expect(pymHeightMessage('atlas-1', 812.2)).toBe('pymxPYMxatlas-1xPYMxheightxPYMx813');
    expect(parsePym(pymHeightMessage('atlas-1', 812))).toEqual({ id: 'atlas-1', type: 'height', value: '812' });
  });

  test('plain format for embed.js', () => {
    expect(plainHeightMessage(640.5)).toEqual({ type: 'atlas:height', height: 641 });
  });

  test.each([
    [{ type: 'atlas:height', height: 700 }, 700],
    [{ type: 'atlas:height', height: 700.1 }, 701],
    [{ type: 'atlas:height', height: -3 }, null],
    [{ type: 'atlas:height', height: Infinity }, null],
    [{ type: 'atlas:height', height: '700' }, null],
    [{ type: 'other', height: 700 }, null],
    ['pymxPYMxaxPYMxheightxPYMx700', null],
    [null, null],
    [42, null],
  ])('heightOf(%o) = %o', (data, expected) => {
    expect(heightOf(data)).toBe(expected);
  });

  test.each([
    ['pymxPYMxchartxPYMxwidthxPYMx640', { id: 'chart', type: 'width', value: '640' }],
    ['pymxPYMxchartxPYMxheightxPYMx1200', { id: 'chart', type: 'height', value: '1200' }],
    ['hello', null],
    [{ type: 'atlas:height' }, null],
  ])('parsePym(%o)', (data, expected) => {
    expect(parsePym(data)).toEqual(expected);
  });

  test.each([
    ['?initialWidth=640&childId=example&parentUrl=x', 'example'],
    ['?metric=barrel-bombs', null],
    ['?childId=<script>', null],
    ['', null],
  ])('childIdOf(%s) = %s', (search, expected) => {
    expect(childIdOf(search)).toBe(expected);
  });

  test('both formats under pym, only the plain one otherwise', () => {
    expect(heightMessages(500, 'c')).toEqual([{ type: 'atlas:height', height: 500 }, 'pymxPYMxcxPYMxheightxPYMx500']);
    expect(heightMessages(500, null)).toEqual([{ type: 'atlas:height', height: 500 }]);
  });
});
