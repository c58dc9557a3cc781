// Electron accelerators (shared/keymap.ts) read as chords and matched against key events, so the
// page binds exactly the keys the menu shows. Pure: a key event is passed in as plain data.
import { KEYMAP, type CommandId, type CommandScope, type KeyCommand } from '../../shared/keymap.js';

export type Platform = 'mac' | 'other';

/** The parts of a KeyboardEvent the matching reads. */
export interface KeyStroke {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export interface Chord {
  ctrl: boolean;
  meta: boolean;
  alt: boolean;
  shift: boolean;
  /** The KeyboardEvent.key it stands for; letters upper case. */
  key: string;
}

const KEY_NAMES: Record<string, string> = {
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  enter: 'Enter',
  return: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  space: ' ',
  plus: '+',
  tab: 'Tab',
  backspace: 'Backspace',
  delete: 'Delete',
  insert: 'Insert',
  home: 'Home',
  end: 'End',
  pageup: 'PageUp',
  pagedown: 'PageDown',
};

/** Characters typed with Shift on common layouts: their chords leave Shift to the layout. */
const SHIFTED = new Set('~!@#$%^&*()_+{}|:"<>?');

export function parseAccelerator(accelerator: string, platform: Platform): Chord {
  // A trailing '+' is the plus key itself ('CmdOrCtrl++' or '+').
  const parts = accelerator === '+' ? ['+'] : accelerator.endsWith('++') ? [...accelerator.slice(0, -2).split('+'), '+'] : accelerator.split('+');
  const chord: Chord = { ctrl: false, meta: false, alt: false, shift: false, key: '' };
  for (const [index, part] of parts.entries()) {
    const lowered = part.toLowerCase();
    if (index === parts.length - 1) {
      chord.key = KEY_NAMES[lowered] ?? (/^f\d{1,2}$/.test(lowered) ? part.toUpperCase() : part.length === 1 ? part.toUpperCase() : part);
    } else if (lowered === 'cmdorctrl' || lowered === 'commandorcontrol') {
      if (platform === 'mac') chord.meta = true;
      else chord.ctrl = true;
    } else if (lowered === 'ctrl' || lowered === 'control') chord.ctrl = true;
    else if (lowered === 'cmd' || lowered === 'command' || lowered === 'super' || lowered === 'meta') chord.meta = true;
    else if (lowered === 'alt' || lowered === 'option') chord.alt = true;
    else if (lowered === 'shift') chord.shift = true;
    else throw new Error(`'${accelerator}': '${part}' is not a modifier`);
  }
  return chord;
}

export function matchesChord(chord: Chord, stroke: KeyStroke): boolean {
  if (stroke.ctrlKey !== chord.ctrl || stroke.metaKey !== chord.meta || stroke.altKey !== chord.alt) return false;
  if (!SHIFTED.has(chord.key) && stroke.shiftKey !== chord.shift) return false;
  const key = stroke.key.length === 1 ? stroke.key.toUpperCase() : stroke.key;
  if (key === chord.key) return true;
  // Alt (Option on a Mac) changes the character a letter or digit key types; its code does not change.
  if (/^[A-Z0-9]$/.test(chord.key) && stroke.code !== undefined) return stroke.code === `Key${chord.key}` || stroke.code === `Digit${chord.key}`;
  return false;
}

export interface KeyContext {
  screen: Exclude<CommandScope, 'any'>;
  /** The focus is in a text field. */
  typing: boolean;
  platform: Platform;
  /**
   * An application menu registers the 'register' accelerators (Electron): those keys reach the page
   * as the menu's 'app:command', so binding them here too would run a command twice.
   */
  menuHandles?: boolean;
}

function hasChordModifier(stroke: KeyStroke): boolean {
  return stroke.ctrlKey || stroke.metaKey || stroke.altKey;
}

/** The commands a keystroke stands for here, in keymap order (a handler may decline and pass it on). */
export function commandsForStroke(stroke: KeyStroke, context: KeyContext, keymap: readonly KeyCommand[] = KEYMAP): CommandId[] {
  return keymap
    .filter((command) => command.scope === 'any' || command.scope === context.screen)
    .filter((command) => context.menuHandles !== true || command.menu !== 'register')
    .filter((command) => !context.typing || command.whileTyping || hasChordModifier(stroke))
    .filter((command) => command.keys.some((keys) => matchesChord(parseAccelerator(keys, context.platform), stroke)))
    .map((command) => command.id as CommandId);
}

const MAC_SYMBOLS: Record<string, string> = { ctrl: '⌃', alt: '⌥', shift: '⇧', meta: '⌘' };
const KEY_LABELS: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→', ' ': 'Space', Escape: 'Esc', PageUp: 'PgUp', PageDown: 'PgDn' };

/** How the overlay prints an accelerator on this platform: `Ctrl+Shift+Z`, `⌘⇧Z`. */
export function formatAccelerator(accelerator: string, platform: Platform): string {
  const chord = parseAccelerator(accelerator, platform);
  const key = KEY_LABELS[chord.key] ?? chord.key;
  if (platform === 'mac') {
    return `${chord.ctrl ? MAC_SYMBOLS.ctrl : ''}${chord.alt ? MAC_SYMBOLS.alt : ''}${chord.shift ? MAC_SYMBOLS.shift : ''}${chord.meta ? MAC_SYMBOLS.meta : ''}${key}`;
  }
  return [chord.ctrl ? 'Ctrl' : null, chord.meta ? 'Meta' : null, chord.alt ? 'Alt' : null, chord.shift ? 'Shift' : null, key].filter((part) => part !== null).join('+');
}
