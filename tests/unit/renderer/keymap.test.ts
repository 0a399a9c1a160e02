// The renderer's one keyboard-shortcut helper: which binding a key press triggers, tested on plain objects
// shaped like KeyboardEvent (Vitest runs in Node, without a DOM).
import { describe, expect, it, vi } from 'vitest';
import { compileKeymap, findBinding, handleKeys, isTypingTarget, parseKeySpec, type Keymap, type KeyPress } from '../../../renderer/src/lib/keymap';

const BODY = { tagName: 'BODY', isContentEditable: false };
const INPUT = { tagName: 'INPUT', isContentEditable: false };

function press(key: string, options: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, defaultPrevented: false, target: BODY, ...options };
}

/** The spec of the binding a press reaches, or null. */
function hit(keymap: Keymap, event: KeyPress): string | null {
  const handlers = new Map(Object.entries(keymap).map(([spec, entry]) => [typeof entry === 'function' ? entry : entry.run, spec]));
  const binding = findBinding(compileKeymap(keymap), event);
  return binding ? (handlers.get(binding.run) ?? null) : null;
}

/** A keymap with its own handler for each spec, so `hit` can tell which one a press reached. */
const bind = (...specs: string[]): Keymap => Object.fromEntries(specs.map((spec) => [spec, () => {}]));
const noop = () => {};

describe('parseKeySpec', () => {
  it('reads modifiers and names', () => {
    expect(parseKeySpec('Ctrl+Shift+Delete')).toEqual({ key: 'Delete', mod: true, alt: false, shift: true });
    expect(parseKeySpec('Space')).toEqual({ key: ' ', mod: false, alt: false, shift: false });
    expect(parseKeySpec('/')).toEqual({ key: '/', mod: false, alt: false, shift: false });
    expect(parseKeySpec('Ctrl++')).toEqual({ key: '+', mod: true, alt: false, shift: false });
    expect(parseKeySpec('+')).toEqual({ key: '+', mod: false, alt: false, shift: false });
  });

  it('refuses a typo in a modifier', () => {
    expect(() => parseKeySpec('Crtl+S')).toThrow(/unknown modifier "Crtl"/);
  });
});

describe('findBinding', () => {
  const keymap = bind('Space', 'Enter', '1', '/', 'Ctrl+Z', 'Escape', 's');

  it('matches plain keys, Space by its name and letters in either case', () => {
    expect(hit(keymap, press(' '))).toBe('Space');
    expect(hit(keymap, press('Enter'))).toBe('Enter');
    expect(hit(keymap, press('1'))).toBe('1');
    expect(hit(keymap, press('/'))).toBe('/');
    expect(hit(keymap, press('S', { shiftKey: true }))).toBe('s');
    expect(hit(keymap, press('x'))).toBeNull();
  });

  it('takes Ctrl or ⌘ for Ctrl, and keeps plain keys plain', () => {
    expect(hit(keymap, press('z', { ctrlKey: true }))).toBe('Ctrl+Z');
    expect(hit(keymap, press('z', { metaKey: true }))).toBe('Ctrl+Z');
    expect(hit(keymap, press('z'))).toBeNull();
    expect(hit(keymap, press('s', { ctrlKey: true }))).toBeNull();
    expect(hit(keymap, press('1', { altKey: true }))).toBeNull();
  });

  it('needs Shift when the spec names it, and prefers that binding when Shift is held', () => {
    const undoRedo = bind('Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Shift+Delete');
    expect(hit(undoRedo, press('Z', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Z');
    expect(hit(undoRedo, press('z', { ctrlKey: true }))).toBe('Ctrl+Z');
    expect(hit(undoRedo, press('Delete', { ctrlKey: true }))).toBeNull();
    expect(hit(undoRedo, press('Delete', { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+Delete');
  });

  it('ignores keys typed in inputs, textareas, selects and contenteditable elements', () => {
    for (const target of [INPUT, { tagName: 'textarea' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) {
      expect(hit(keymap, press(' ', { target }))).toBeNull();
      expect(hit(keymap, press('z', { ctrlKey: true, target }))).toBeNull();
    }
  });

  it('ignores keys pressed anywhere inside a CodeMirror editor, contenteditable or not', () => {
    const inEditor = { tagName: 'DIV', isContentEditable: false, closest: (selector: string) => (selector === '.cm-editor' ? {} : null) };
    const outside = { tagName: 'BUTTON', isContentEditable: false, closest: () => null };
    const digits: Keymap = { '1': () => {} };
    expect(hit(digits, press('1', { target: inEditor }))).toBeNull();
    expect(hit(digits, press('1', { target: outside }))).toBe('1');
  });

  it('lets a binding opt in to fields, all of them or the ones it picks', () => {
    const search = { tagName: 'INPUT' };
    const editorKeys: Keymap = { 'Ctrl+S': { run: () => {}, inFields: true }, Enter: { run: () => {}, inFields: (target) => target === search } };
    expect(hit(editorKeys, press('s', { ctrlKey: true, target: { tagName: 'DIV', isContentEditable: true } }))).toBe('Ctrl+S');
    expect(hit(editorKeys, press('Enter', { target: search }))).toBe('Enter');
    expect(hit(editorKeys, press('Enter', { target: INPUT }))).toBeNull();
  });

  it('leaves alone an event something else already handled', () => {
    expect(hit(keymap, press('Escape', { defaultPrevented: true }))).toBeNull();
  });

  it('copes with targets that are not elements', () => {
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({})).toBe(false);
    expect(hit(keymap, press('Enter', { target: null }))).toBe('Enter');
  });
});

describe('handleKeys', () => {
  const keyboardEvent = (key: string, options: Partial<KeyPress> = {}) => {
    const event = { ...press(key, options), preventDefault: vi.fn() };
    return event as unknown as KeyboardEvent & { preventDefault: ReturnType<typeof vi.fn> };
  };

  it('runs the handler and prevents the default action', () => {
    const run = vi.fn();
    const event = keyboardEvent('Escape');
    handleKeys({ Escape: run })(event);
    expect(run).toHaveBeenCalledWith(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('leaves the event alone when the handler returns false, or nothing matches', () => {
    const declined = keyboardEvent('Enter');
    handleKeys({ Enter: () => false })(declined);
    expect(declined.preventDefault).not.toHaveBeenCalled();
    const unbound = keyboardEvent('q');
    handleKeys({ Enter: noop })(unbound);
    expect(unbound.preventDefault).not.toHaveBeenCalled();
  });
});
