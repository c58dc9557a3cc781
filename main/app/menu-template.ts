// The application menu, built from the keymap (shared/keymap.ts) so the menu and the page's key
// bindings cannot drift apart. Choosing an item hands its command id to `onCommand` (main sends it to
// the page as 'app:command'). Pure: menu.ts gives the template to Electron.
import type { CommandGroup, KeyCommand } from '../../shared/keymap.js';

/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItemTemplate {
  id?: string;
  label?: string;
  type?: 'separator';
  role?: 'appMenu' | 'windowMenu' | 'quit' | 'cut' | 'copy' | 'paste' | 'selectAll' | 'togglefullscreen' | 'reload' | 'toggleDevTools';
  accelerator?: string;
  registerAccelerator?: boolean;
  submenu?: MenuItemTemplate[];
  click?: () => void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  /** Not packaged: reload and the DevTools are in the View menu. */
  developer: boolean;
  onCommand: (id: string) => void;
}

/**
 * One menu per keymap group, in the keymap's order, then Edit, View and (macOS) Window. How a
 * command's keys are attached follows its `menu` use:
 * - 'register': the accelerator is registered, so the key works even where the page has no binding;
 * - 'display': the keys are shown but not registered (`registerAccelerator: false`), because they also
 *   type or edit in text fields. macOS ignores `registerAccelerator` and would take the key from every
 *   field, so there such items carry no accelerator at all;
 * - 'hidden': not in the menu.
 */
export function buildMenuTemplate(commands: readonly KeyCommand[], groups: readonly CommandGroup[], options: MenuOptions): MenuItemTemplate[] {
  const mac = options.platform === 'darwin';
  const groupMenus = groups
    .map((group) => ({ label: group, submenu: commands.filter((command) => command.group === group && command.menu !== 'hidden').map((command) => commandItem(command, mac, options.onCommand)) }))
    .filter((menu) => menu.submenu.length > 0);
  // Off macOS there is no app menu, so Quit closes the first menu, where a File menu would have it.
  const [first, ...rest] = groupMenus;
  if (!mac && first !== undefined) first.submenu.push({ type: 'separator' }, { role: 'quit' });
  return [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    ...(first === undefined ? [] : [first]),
    // Cut, copy, paste and select-all must be menu roles for their keys to work in text fields on
    // macOS. Undo and redo are not here: the keymap's own undo (a field change) takes those keys.
    { label: 'Edit', submenu: [{ role: 'cut' as const }, { role: 'copy' as const }, { role: 'paste' as const }, { role: 'selectAll' as const }] },
    ...rest,
    {
      label: 'View',
      submenu: [
        { role: 'togglefullscreen' as const },
        ...(options.developer ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    ...(mac ? [{ role: 'windowMenu' as const }] : []),
  ];
}

function commandItem(command: KeyCommand, mac: boolean, onCommand: (id: string) => void): MenuItemTemplate {
  const item: MenuItemTemplate = { id: command.id, label: command.label, click: () => onCommand(command.id) };
  const accelerator = command.keys[0];
  if (accelerator === undefined) return item;
  if (command.menu === 'register') return { ...item, accelerator };
  return mac ? item : { ...item, accelerator, registerAccelerator: false };
}
