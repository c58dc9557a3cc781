import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildMenuTemplate, type MenuItemTemplate } from '../../../main/app/menu-template.js';
import { COMMAND_GROUPS, KEYMAP, type KeyCommand } from '../../../shared/keymap.js';

function items(template: MenuItemTemplate[]): MenuItemTemplate[] {
  return template.flatMap((item) => [item, ...items(item.submenu ?? [])]);
}

function build(platform: NodeJS.Platform, developer = false) {
  const chosen: string[] = [];
  const template = buildMenuTemplate(KEYMAP, COMMAND_GROUPS, { platform, developer, onCommand: (id) => chosen.push(id) });
  return { template, chosen, all: items(template) };
}

describe('application menu', () => {
  test('every keymap command but the hidden ones is an item, once, with its label; choosing it sends its id', () => {
    for (const platform of ['linux', 'win32', 'darwin'] as const) {
      const { all, chosen } = build(platform);
      const commandItems = all.filter((item) => item.id !== undefined);
      const shown: readonly KeyCommand[] = KEYMAP.filter((command) => command.menu !== 'hidden');
      assert.deepEqual(commandItems.map((item) => item.id).sort(), shown.map((command) => command.id).sort(), platform);
      for (const item of commandItems) {
        assert.equal(item.label, KEYMAP.find((command) => command.id === item.id)?.label);
        item.click?.();
      }
      assert.deepEqual(chosen, commandItems.map((item) => item.id));
    }
  });

  test('the menus follow the keymap groups, with Edit and View; Quit closes the first menu off macOS', () => {
    const linux = build('linux').template;
    const groupsWithItems = COMMAND_GROUPS.filter((group) => KEYMAP.some((command) => command.group === group && command.menu !== 'hidden'));
    assert.deepEqual(linux.map((menu) => menu.label), [groupsWithItems[0], 'Edit', ...groupsWithItems.slice(1), 'View']);
    assert.equal(linux[0]?.submenu?.at(-1)?.role, 'quit');
    const mac = build('darwin').template;
    assert.equal(mac[0]?.role, 'appMenu');
    assert.equal(mac.at(-1)?.role, 'windowMenu');
    assert.ok(!items(mac).some((item) => item.role === 'quit'), 'macOS quits from the app menu');
  });

  test('registered commands carry their first key; display-only keys are shown but not registered, and on macOS not attached', () => {
    const linux = build('linux').all;
    const mac = build('darwin').all;
    for (const command of KEYMAP) {
      const onLinux = linux.find((item) => item.id === command.id);
      const onMac = mac.find((item) => item.id === command.id);
      if (command.menu === 'register') {
        assert.equal(onLinux?.accelerator, command.keys[0]);
        assert.equal(onLinux?.registerAccelerator, undefined);
        assert.equal(onMac?.accelerator, command.keys[0]);
      } else if (command.menu === 'display') {
        assert.equal(onLinux?.accelerator, command.keys[0]);
        assert.equal(onLinux?.registerAccelerator, false);
        assert.equal(onMac?.accelerator, undefined, command.id);
      }
    }
  });

  test('no two registered accelerators collide, nor with the Edit menu roles', () => {
    const registered = build('linux').all.filter((item) => item.accelerator !== undefined && item.registerAccelerator !== false).map((item) => item.accelerator?.toLowerCase());
    const editRoles = ['cmdorctrl+x', 'cmdorctrl+c', 'cmdorctrl+v', 'cmdorctrl+a'];
    assert.equal(new Set(registered).size, registered.length, registered.join(' '));
    for (const accelerator of registered) assert.ok(!editRoles.includes(accelerator ?? ''), accelerator);
  });

  test('reload and the DevTools only when not packaged', () => {
    assert.ok(!build('linux').all.some((item) => item.role === 'toggleDevTools'));
    assert.ok(build('linux', true).all.some((item) => item.role === 'toggleDevTools'));
  });
});
