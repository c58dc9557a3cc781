import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isTrustedSender } from '../../../main/app/sender-check.js';

describe('IPC sender check', () => {
  test("only the UI's own top frame is trusted", () => {
    assert.ok(isTrustedSender({ url: 'app://ui/index.html', isTopFrame: true }));
    assert.ok(isTrustedSender({ url: 'app://ui/index.html#/review/12', isTopFrame: true }));
  });

  test('subframes, other origins, closed frames and odd URLs are not', () => {
    assert.ok(!isTrustedSender({ url: 'app://ui/index.html', isTopFrame: false }));
    for (const url of ['app://pages/1/1', 'app://ui.evil/index.html', 'app://evil/ui/', 'file:///ui/index.html', 'https://ui/', 'http://127.0.0.1:4000/', 'about:blank', '', 'app:ui']) {
      assert.ok(!isTrustedSender({ url, isTopFrame: true }), url);
    }
    assert.ok(!isTrustedSender({ url: undefined, isTopFrame: true }));
    assert.ok(!isTrustedSender(null));
  });
});
