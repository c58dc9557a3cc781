import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { filesFromCommandLine } from '../../../main/app/command-line.js';

const cwd = resolve('/home/ann/scans');

describe('files on the command line', () => {
  test('a packaged app: every operand after the executable, resolved against the working folder', () => {
    assert.deepEqual(filesFromCommandLine(['/opt/Form 4 Reviewer/form4-reviewer', 'a.pdf', '/tmp/b.png'], cwd, false), [resolve(cwd, 'a.pdf'), resolve('/tmp/b.png')]);
  });

  test('electron <app>: the app path is not a file to import, wherever switches put it', () => {
    assert.deepEqual(filesFromCommandLine(['/x/electron', '.', 'a.pdf'], cwd, true), [resolve(cwd, 'a.pdf')]);
    assert.deepEqual(filesFromCommandLine(['/x/electron', '--inspect=0', '--remote-debugging-port=0', '.', 'batch'], cwd, true), [resolve(cwd, 'batch')]);
  });

  test('switches (ours, Chromium\'s, a test driver\'s) are never files', () => {
    assert.deepEqual(filesFromCommandLine(['/x/app', '--user-data-dir=/tmp/u', '--allow-file-access-from-files', '-psn_0_1234'], cwd, false), []);
    assert.deepEqual(filesFromCommandLine(['/x/electron', '.'], cwd, true), []);
  });
});
