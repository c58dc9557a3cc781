import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KEYMAP } from '../../../shared/keymap.js';
import { commandsForStroke, formatAccelerator, matchesChord, parseAccelerator, type KeyStroke } from '../../../renderer/keys/accelerator.js';

function stroke(key: string, modifiers: Partial<Omit<KeyStroke, 'key'>> = {}): KeyStroke {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

describe('parseAccelerator', () => {
  it('reads CmdOrCtrl as Ctrl off a Mac and as Cmd on one', () => {
    assert.deepEqual(parseAccelerator('CmdOrCtrl+Shift+Z', 'other'), { ctrl: true, meta: false, alt: false, shift: true, key: 'Z' });
    assert.deepEqual(parseAccelerator('CmdOrCtrl+Shift+Z', 'mac'), { ctrl: false, meta: true, alt: false, shift: true, key: 'Z' });
  });

  it('names keys as KeyboardEvent.key does, and takes a trailing + as the plus key', () => {
    assert.equal(parseAccelerator('Alt+Down', 'other').key, 'ArrowDown');
    assert.equal(parseAccelerator('Esc', 'other').key, 'Escape');
    assert.equal(parseAccelerator('CmdOrCtrl++', 'other').key, '+');
    assert.equal(parseAccelerator('+', 'other').key, '+');
    assert.equal(parseAccelerator('f8', 'other').key, 'F8');
  });

  it('refuses an unknown modifier', () => {
    assert.throws(() => parseAccelerator('Hyper+K', 'other'), /Hyper/);
  });

  it('parses every accelerator of the keymap', () => {
    for (const command of KEYMAP) for (const keys of command.keys) assert.ok(parseAccelerator(keys, 'other').key.length > 0, keys);
  });
});

describe('matchesChord', () => {
  it('needs the exact modifiers', () => {
    const chord = parseAccelerator('CmdOrCtrl+Z', 'other');
    assert.equal(matchesChord(chord, stroke('z', { ctrlKey: true })), true);
    assert.equal(matchesChord(chord, stroke('Z', { ctrlKey: true, shiftKey: true })), false);
    assert.equal(matchesChord(chord, stroke('z')), false);
  });

  it('leaves Shift to the layout for characters typed with it', () => {
    assert.equal(matchesChord(parseAccelerator('?', 'other'), stroke('?', { shiftKey: true })), true);
    assert.equal(matchesChord(parseAccelerator('+', 'other'), stroke('+')), true);
  });

  it('falls back on the key code when Option changed the character', () => {
    assert.equal(matchesChord(parseAccelerator('CmdOrCtrl+Alt+R', 'mac'), { ...stroke('®', { metaKey: true, altKey: true }), code: 'KeyR' }), true);
  });
});

describe('commandsForStroke', () => {
  it('binds a key to the command of the current screen', () => {
    assert.deepEqual(commandsForStroke(stroke('Enter'), { screen: 'queue', typing: false, platform: 'other' }), ['queue.open']);
    assert.deepEqual(commandsForStroke(stroke('Enter'), { screen: 'review', typing: true, platform: 'other' }), ['field.confirm']);
  });

  it('lets plain keys type in a text field unless the command acts while typing; chords always act', () => {
    assert.deepEqual(commandsForStroke(stroke('r'), { screen: 'review', typing: true, platform: 'other' }), []);
    assert.deepEqual(commandsForStroke(stroke('r'), { screen: 'review', typing: false, platform: 'other' }), ['page.rotate']);
    assert.deepEqual(commandsForStroke(stroke('=', { ctrlKey: true }), { screen: 'review', typing: true, platform: 'other' }), ['page.zoomIn']);
  });

  it('leaves the keys a menu registers to the menu, and handles the rest', () => {
    const electron = { screen: 'review', typing: true, platform: 'other', menuHandles: true } as const;
    assert.deepEqual(commandsForStroke(stroke('Enter', { ctrlKey: true }), electron), []);
    assert.deepEqual(commandsForStroke(stroke('z', { ctrlKey: true }), electron), ['edit.undo']);
  });

  it('offers both meanings of Escape in a field, the field first', () => {
    assert.deepEqual(commandsForStroke(stroke('Escape'), { screen: 'review', typing: true, platform: 'other' }), ['field.revert', 'app.back']);
  });

  it('gives no key two commands on one screen, apart from Escape', () => {
    for (const screen of ['queue', 'review'] as const) {
      const seen = new Map<string, string>();
      for (const command of KEYMAP.filter((item) => item.scope === 'any' || item.scope === screen)) {
        for (const keys of command.keys) {
          const chord = JSON.stringify(parseAccelerator(keys, 'other'));
          if (keys !== 'Escape') assert.equal(seen.get(chord), undefined, `${keys} on ${screen}: ${seen.get(chord)} and ${command.id}`);
          seen.set(chord, command.id);
        }
      }
    }
  });
});

describe('formatAccelerator', () => {
  it('prints the platform’s way', () => {
    assert.equal(formatAccelerator('CmdOrCtrl+Shift+Z', 'other'), 'Ctrl+Shift+Z');
    assert.equal(formatAccelerator('CmdOrCtrl+Shift+Z', 'mac'), '⇧⌘Z');
    assert.equal(formatAccelerator('Alt+Down', 'other'), 'Alt+↓');
  });
});
