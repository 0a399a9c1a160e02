// One keyboard-shortcut helper for every view. A view lists its shortcuts as key specs ('Space', 'Enter', '1',
// '/', 'Escape', 'Ctrl+Z', 'Ctrl+Shift+Delete') mapped to handlers, and gets back one keydown listener:
//
//   <svelte:window onkeydown={handleKeys({ Escape: onExit, 'Ctrl+Z': () => void undo() })} />
//
// Rules, the same on every screen:
// - keys typed in an input, textarea, select, contenteditable element or anywhere in a CodeMirror editor are the field's own,
//   unless a binding opts in with `inFields` (Ctrl+S in the card editor, Escape);
// - an event something else already handled (defaultPrevented, e.g. by CodeMirror's own keymap) is left alone;
// - Ctrl means Ctrl or ⌘, and Ctrl/Alt must be exactly as the spec says; Shift must be held when the spec names
//   it and is otherwise ignored (it is part of the character typed: 'S', '?');
// - letters match either case; named keys are KeyboardEvent.key names ('Enter', 'ArrowDown', 'PageUp'…);
// - a handled key's default action is prevented, unless its handler returns false ("not mine after all").
// The matching is pure functions over plain objects, so it is tested without a DOM.

/** The part of an event target that decides whether a key belongs to a field. */
export interface KeyTarget {
  tagName?: string;
  isContentEditable?: boolean;
  /** Element.closest: a key pressed anywhere inside a code editor is the editor's (see CODE_EDITOR). */
  closest?: (selector: string) => unknown;
}

/**
 * CodeMirror's root. Its parts are not all contenteditable (the gutters, the search panel's buttons, a read-only
 * view): a digit typed there must not grade a coding card either.
 */
const CODE_EDITOR = '.cm-editor';

/** The part of a KeyboardEvent the matching reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  defaultPrevented?: boolean;
  target: unknown;
}

/** Returns false when the key turned out not to be its business: the event is then left as it was. */
export type KeyHandler = (event: KeyboardEvent) => void | false;

export interface KeyBinding {
  run: KeyHandler;
  /** Also while typing in a field: true for every field, or a test picking the fields it applies to. */
  inFields?: boolean | ((target: KeyTarget) => boolean);
}

export type Keymap = Record<string, KeyHandler | KeyBinding>;

export interface KeySpec {
  key: string;
  /** Ctrl or ⌘. */
  mod: boolean;
  alt: boolean;
  shift: boolean;
}

export type CompiledKeymap = { spec: KeySpec; binding: KeyBinding }[];

const KEY_ALIASES: Record<string, string> = { Space: ' ', Esc: 'Escape' };
const MODIFIERS: Record<string, keyof Omit<KeySpec, 'key'>> = { ctrl: 'mod', cmd: 'mod', mod: 'mod', alt: 'alt', shift: 'shift' };

export function parseKeySpec(text: string): KeySpec {
  // 'Ctrl++' and '+' name the plus key: a spec ending in '+' ends with that key.
  const key = text.endsWith('+') ? '+' : text.slice(text.lastIndexOf('+') + 1);
  if (key === '') throw new Error(`Key spec "${text}" names no key`);
  const prefix = text.slice(0, text.length - key.length);
  const spec: KeySpec = { key: KEY_ALIASES[key] ?? key, mod: false, alt: false, shift: false };
  for (const name of prefix === '' ? [] : prefix.slice(0, -1).split('+')) {
    const modifier = MODIFIERS[name.toLowerCase()];
    if (!modifier) throw new Error(`Key spec "${text}": unknown modifier "${name}" (use Ctrl, Alt or Shift)`);
    spec[modifier] = true;
  }
  return spec;
}

export function matchesKey(spec: KeySpec, press: KeyPress): boolean {
  if ((press.ctrlKey || press.metaKey) !== spec.mod || press.altKey !== spec.alt) return false;
  if (spec.shift && !press.shiftKey) return false;
  return spec.key.length === 1 ? press.key.toLowerCase() === spec.key.toLowerCase() : press.key === spec.key;
}

const FIELD_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/** Keys pressed here are typing, not shortcuts. */
export function isTypingTarget(target: unknown): target is KeyTarget {
  if (typeof target !== 'object' || target === null) return false;
  const { tagName, isContentEditable, closest } = target as KeyTarget;
  if (isContentEditable === true || (typeof tagName === 'string' && FIELD_TAGS.has(tagName.toUpperCase()))) return true;
  return typeof closest === 'function' && Boolean(closest.call(target, CODE_EDITOR));
}

export function compileKeymap(keymap: Keymap): CompiledKeymap {
  const compiled = Object.entries(keymap).map(([text, entry]) => ({
    spec: parseKeySpec(text),
    binding: typeof entry === 'function' ? { run: entry } : entry,
  }));
  // With both 'Ctrl+Z' and 'Ctrl+Shift+Z' bound, Ctrl+Shift+Z must reach the one that names Shift.
  return compiled.sort((a, b) => Number(b.spec.shift) - Number(a.spec.shift));
}

/** The binding a key press triggers, or null when it is none of the view's business. */
export function findBinding(keymap: CompiledKeymap, press: KeyPress): KeyBinding | null {
  if (press.defaultPrevented) return null;
  const inField = isTypingTarget(press.target);
  for (const { spec, binding } of keymap) {
    if (!matchesKey(spec, press)) continue;
    if (inField && !allowedInField(binding, press.target as KeyTarget)) continue;
    return binding;
  }
  return null;
}

function allowedInField(binding: KeyBinding, target: KeyTarget): boolean {
  return typeof binding.inFields === 'function' ? binding.inFields(target) : binding.inFields === true;
}

/** The keydown listener for a view's shortcuts. */
export function handleKeys(keymap: Keymap): (event: KeyboardEvent) => void {
  const compiled = compileKeymap(keymap);
  return (event) => {
    const binding = findBinding(compiled, event);
    if (binding && binding.run(event) !== false) event.preventDefault();
  };
}
