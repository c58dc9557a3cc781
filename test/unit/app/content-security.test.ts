import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, isAllowedRequestUrl, withSecurityHeaders } from '../../../main/app/content-security.js';

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values];
  }));
}

describe('content security', () => {
  test('the policy allows no remote origin, no inline or eval script, no plugins or frames', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    assert.deepEqual(policy.get('default-src'), ["'self'"]);
    assert.deepEqual(policy.get('script-src'), ["'self'"]);
    assert.deepEqual(policy.get('object-src'), ["'none'"]);
    assert.deepEqual(policy.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
    assert.ok(policy.get('img-src')?.includes('app://pages'));
    for (const values of policy.values()) {
      for (const value of values) assert.doesNotMatch(value, /^(https?:|wss?:|\*)|unsafe-eval/, value);
    }
  });

  test("a response's own CSP is replaced, whatever the case of its name; other headers stay", () => {
    const headers = withSecurityHeaders({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    assert.deepEqual(headers['Content-Security-Policy'], [CONTENT_SECURITY_POLICY]);
    assert.equal(headers['content-security-policy'], undefined);
    assert.deepEqual(headers['Content-Type'], ['text/html']);
    assert.deepEqual(withSecurityHeaders(undefined)['X-Content-Type-Options'], ['nosniff']);
  });

  test('requests may use app:, data: and blob: only (and DevTools its own)', () => {
    for (const url of ['app://ui/index.html', 'app://pages/1/1', 'data:image/png;base64,AA==', 'blob:app://ui/1234', 'devtools://devtools/bundled/x.html']) assert.ok(isAllowedRequestUrl(url), url);
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'ws://localhost/', 'file:///etc/passwd', 'ftp://x/', 'nonsense']) assert.ok(!isAllowedRequestUrl(url), url);
  });
});
