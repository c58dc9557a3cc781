// Every keyboard command of the app, defined once: the renderer binds the keys, the '?' overlay
// lists them, and the Electron menu shows them (sending 'app:command' {command: id} when an item is
// chosen). Keys use Electron's accelerator syntax so the menu can take them as they are.

export type CommandGroup = 'General' | 'Queue' | 'Review' | 'Filing' | 'Page';

/** Where a command applies: the queue screen, the review screen, or both. */
export type CommandScope = 'queue' | 'review' | 'any';

/**
 * How the Electron menu treats a command:
 * - 'register': a menu item whose accelerator is registered (a chord no text field needs);
 * - 'display': a menu item that shows the keys but must be built with `registerAccelerator: false`,
 *   because the keys also type or edit (Enter, Escape, '?', '+', Ctrl+Z): a registered accelerator
 *   would take them from every text field. The page handles the keystroke itself;
 * - 'hidden': not in the menu (Tab, arrows: plain editing and list keys, listed in the overlay only).
 */
export type MenuUse = 'register' | 'display' | 'hidden';

export interface KeyCommand {
  id: string;
  /** Electron accelerators; the first is the one a menu shows. */
  keys: readonly string[];
  label: string;
  group: CommandGroup;
  scope: CommandScope;
  /**
   * Whether its plain keys (no Ctrl, Cmd or Alt) act while the focus is in a text field; if not they
   * type there as usual. Chords act everywhere.
   */
  whileTyping: boolean;
  menu: MenuUse;
}

export const KEYMAP = [
  { id: 'field.next', keys: ['Tab'], label: 'Next field', group: 'Review', scope: 'review', whileTyping: true, menu: 'hidden' },
  { id: 'field.previous', keys: ['Shift+Tab'], label: 'Previous field', group: 'Review', scope: 'review', whileTyping: true, menu: 'hidden' },
  { id: 'field.confirm', keys: ['Enter'], label: 'Confirm the field and go to the next', group: 'Review', scope: 'review', whileTyping: true, menu: 'hidden' },
  { id: 'field.revert', keys: ['Escape'], label: 'Revert the field being edited', group: 'Review', scope: 'review', whileTyping: true, menu: 'hidden' },
  { id: 'finding.next', keys: ['F8'], label: 'Next finding', group: 'Review', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'finding.previous', keys: ['Shift+F8'], label: 'Previous finding', group: 'Review', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'review.history', keys: ['CmdOrCtrl+Shift+H'], label: 'Show or hide the history', group: 'Review', scope: 'review', whileTyping: true, menu: 'register' },

  { id: 'help.shortcuts', keys: ['?'], label: 'Show keyboard shortcuts', group: 'General', scope: 'any', whileTyping: false, menu: 'display' },
  { id: 'app.back', keys: ['Escape'], label: 'Back to the queue (or close the dialog)', group: 'General', scope: 'review', whileTyping: true, menu: 'display' },
  { id: 'edit.undo', keys: ['CmdOrCtrl+Z'], label: 'Undo the last field change', group: 'General', scope: 'review', whileTyping: true, menu: 'display' },
  { id: 'edit.redo', keys: ['CmdOrCtrl+Shift+Z', 'CmdOrCtrl+Y'], label: 'Redo', group: 'General', scope: 'review', whileTyping: true, menu: 'display' },
  { id: 'import.files', keys: ['CmdOrCtrl+O'], label: 'Import files…', group: 'General', scope: 'any', whileTyping: true, menu: 'register' },
  { id: 'export.open', keys: ['CmdOrCtrl+E'], label: 'Export approved filings…', group: 'General', scope: 'any', whileTyping: true, menu: 'register' },

  { id: 'queue.search', keys: ['CmdOrCtrl+F'], label: 'Search the queue', group: 'Queue', scope: 'queue', whileTyping: true, menu: 'register' },
  { id: 'queue.open', keys: ['Enter'], label: 'Open the selected filing', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'display' },
  { id: 'queue.down', keys: ['Down', 'J'], label: 'Next row', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'hidden' },
  { id: 'queue.up', keys: ['Up', 'K'], label: 'Previous row', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'hidden' },
  { id: 'queue.pageDown', keys: ['PageDown'], label: 'One screen down', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'hidden' },
  { id: 'queue.pageUp', keys: ['PageUp'], label: 'One screen up', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'hidden' },
  { id: 'queue.first', keys: ['Home'], label: 'First row', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'hidden' },
  { id: 'queue.last', keys: ['End'], label: 'Last row', group: 'Queue', scope: 'queue', whileTyping: false, menu: 'hidden' },

  { id: 'filing.next', keys: ['Alt+Down', 'CmdOrCtrl+]'], label: 'Next filing', group: 'Filing', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'filing.previous', keys: ['Alt+Up', 'CmdOrCtrl+['], label: 'Previous filing', group: 'Filing', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'filing.approve', keys: ['CmdOrCtrl+Enter'], label: 'Approve', group: 'Filing', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'filing.reject', keys: ['CmdOrCtrl+Alt+R'], label: 'Reject…', group: 'Filing', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'filing.reopen', keys: ['CmdOrCtrl+Alt+O'], label: 'Reopen', group: 'Filing', scope: 'review', whileTyping: true, menu: 'register' },

  { id: 'page.zoomIn', keys: ['CmdOrCtrl+=', '+'], label: 'Zoom in', group: 'Page', scope: 'review', whileTyping: false, menu: 'display' },
  { id: 'page.zoomOut', keys: ['CmdOrCtrl+-', '-'], label: 'Zoom out', group: 'Page', scope: 'review', whileTyping: false, menu: 'display' },
  { id: 'page.fitWidth', keys: ['CmdOrCtrl+0', 'W'], label: 'Fit the page to the width', group: 'Page', scope: 'review', whileTyping: false, menu: 'display' },
  { id: 'page.rotate', keys: ['R'], label: 'Rotate the page a quarter turn', group: 'Page', scope: 'review', whileTyping: false, menu: 'display' },
  { id: 'page.next', keys: ['Alt+PageDown'], label: 'Next page', group: 'Page', scope: 'review', whileTyping: true, menu: 'register' },
  { id: 'page.previous', keys: ['Alt+PageUp'], label: 'Previous page', group: 'Page', scope: 'review', whileTyping: true, menu: 'register' },
] as const satisfies readonly KeyCommand[];

export type CommandId = (typeof KEYMAP)[number]['id'];

export const COMMAND_GROUPS: readonly CommandGroup[] = ['General', 'Queue', 'Review', 'Filing', 'Page'];

export function isCommandId(id: unknown): id is CommandId {
  return typeof id === 'string' && KEYMAP.some((command) => command.id === id);
}
