// The '?' overlay: every command of shared/keymap.ts with its keys, grouped as the menu is.
import { COMMAND_GROUPS, KEYMAP } from '../../shared/keymap.js';
import { formatAccelerator, type Platform } from '../keys/accelerator.js';
import { Dialog } from './Dialog.js';

export function ShortcutsOverlay({ platform, onClose }: { platform: Platform; onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" testId="shortcuts-overlay" onClose={onClose} wide>
      <div className="shortcut-groups">
        {COMMAND_GROUPS.map((group) => (
          <section key={group} className="shortcut-group">
            <h3>{group}</h3>
            <table>
              <tbody>
                {KEYMAP.filter((command) => command.group === group).map((command) => (
                  <tr key={command.id} data-testid={`shortcut-${command.id}`}>
                    <td className="shortcut-keys">
                      {command.keys.map((keys) => (
                        <kbd key={keys}>{formatAccelerator(keys, platform)}</kbd>
                      ))}
                    </td>
                    <td>{command.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
    </Dialog>
  );
}
