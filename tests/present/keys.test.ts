import { describe, expect, it } from 'vitest';
import { applyNavigation, isTypingTarget, keyAction, type Action, type KeyInput } from '../../src/lib/present/keys';

describe('keyAction', () => {
  const cases: [string, KeyInput, string, Action | null, string, boolean][] = [
    // name, key, typed before, action, typed after, handled
    ['→ next', { key: 'ArrowRight' }, '', { type: 'next' }, '', true],
    ['↓ next', { key: 'ArrowDown' }, '', { type: 'next' }, '', true],
    ['PageDown (clicker) next', { key: 'PageDown' }, '', { type: 'next' }, '', true],
    ['Space next', { key: ' ' }, '', { type: 'next' }, '', true],
    ['Shift+Space previous', { key: ' ', shiftKey: true }, '', { type: 'prev' }, '', true],
    ['Enter alone next', { key: 'Enter' }, '', { type: 'next' }, '', true],
    ['← previous', { key: 'ArrowLeft' }, '', { type: 'prev' }, '', true],
    ['PageUp (clicker) previous', { key: 'PageUp' }, '', { type: 'prev' }, '', true],
    ['Home first', { key: 'Home' }, '', { type: 'first' }, '', true],
    ['End last', { key: 'End' }, '', { type: 'last' }, '', true],
    ['F fullscreen', { key: 'f' }, '', { type: 'fullscreen' }, '', true],
    ['Shift+F fullscreen', { key: 'F', shiftKey: true }, '', { type: 'fullscreen' }, '', true],
    ['Esc leaves', { key: 'Escape' }, '', { type: 'leave' }, '', true],
    ['N notes', { key: 'n' }, '', { type: 'notes' }, '', true],
    ['P presenter window', { key: 'p' }, '', { type: 'presenter' }, '', true],
    ['B blanks', { key: 'b' }, '', { type: 'blank' }, '', true],
    ['. blanks (clicker)', { key: '.' }, '', { type: 'blank' }, '', true],
    ['a digit is typed', { key: '3' }, '', null, '3', true],
    ['a second digit', { key: '2' }, '1', null, '12', true],
    ['digits then Enter go to (1-based)', { key: 'Enter' }, '12', { type: 'goto', slide: 11 }, '', true],
    ['Backspace deletes a typed digit', { key: 'Backspace' }, '12', null, '1', true],
    ['Esc forgets typed digits and does not leave', { key: 'Escape' }, '12', null, '', true],
    ['at most four digits', { key: '5' }, '1234', null, '2345', true],
    ['→ after digits moves on and forgets them', { key: 'ArrowRight' }, '4', { type: 'next' }, '', true],
    ['another key forgets digits', { key: 'x' }, '4', null, '', false],
    ['Ctrl+P (print) is the browser’s', { key: 'p', ctrlKey: true }, '', null, '', false],
    ['Meta+→ is the browser’s', { key: 'ArrowRight', metaKey: true }, '', null, '', false],
    ['Alt+← is the browser’s', { key: 'ArrowLeft', altKey: true }, '4', null, '4', false],
    ['Tab is not ours', { key: 'Tab' }, '', null, '', false],
  ];
  it.each(cases)('%s', (_, input, before, action, after, handled) => {
    expect(keyAction(input, before)).toEqual({ action, typed: after, handled });
  });
});

describe('applyNavigation', () => {
  const cases: [string, number, number, Action, number][] = [
    ['next', 0, 3, { type: 'next' }, 1],
    ['next at the end stays', 2, 3, { type: 'next' }, 2],
    ['prev', 2, 3, { type: 'prev' }, 1],
    ['prev at the start stays', 0, 3, { type: 'prev' }, 0],
    ['first', 2, 3, { type: 'first' }, 0],
    ['last', 0, 3, { type: 'last' }, 2],
    ['go to', 0, 9, { type: 'goto', slide: 4 }, 4],
    ['go to past the end lands on the last', 0, 9, { type: 'goto', slide: 40 }, 8],
    ['go to 0 (typed "0") lands on the first', 5, 9, { type: 'goto', slide: -1 }, 0],
    ['other actions keep the slide', 1, 3, { type: 'fullscreen' }, 1],
    ['an empty deck', 0, 0, { type: 'next' }, 0],
  ];
  it.each(cases)('%s', (_, index, count, action, out) => {
    expect(applyNavigation(index, count, action)).toBe(out);
  });
});

describe('isTypingTarget', () => {
  it.each([
    [{ tagName: 'INPUT', type: 'text' }, true],
    [{ tagName: 'input' }, true],
    [{ tagName: 'INPUT', type: 'button' }, false],
    [{ tagName: 'INPUT', type: 'checkbox' }, false],
    [{ tagName: 'TEXTAREA' }, true],
    [{ tagName: 'SELECT' }, true],
    [{ tagName: 'DIV', isContentEditable: true }, true],
    [{ tagName: 'BUTTON' }, false],
    [{ tagName: 'BODY' }, false],
    [null, false],
  ])('%j → %s', (target, out) => {
    expect(isTypingTarget(target)).toBe(out);
  });
});
