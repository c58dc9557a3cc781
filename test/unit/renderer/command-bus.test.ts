import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CommandBus } from '../../../renderer/app/command-bus.js';

describe('CommandBus', () => {
  it('asks the latest handler first and passes a declined command on', () => {
    const bus = new CommandBus();
    const calls: string[] = [];
    bus.register('app.back', () => {
      calls.push('screen');
    });
    const unregister = bus.register('app.back', () => {
      calls.push('dialog');
      return false;
    });
    assert.equal(bus.run('app.back'), true);
    assert.deepEqual(calls, ['dialog', 'screen']);
    unregister();
    bus.run('app.back');
    assert.deepEqual(calls, ['dialog', 'screen', 'screen']);
    assert.equal(bus.run('filing.approve'), false);
  });
});
