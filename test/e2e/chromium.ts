// Debian's Chromium, started the way these machines allow: no sandbox (root in a container), no GPU,
// and none of the background traffic a browser makes on its own, so a test that sees a request
// leave 127.0.0.1 knows the app made it.
import { chromium, type Browser } from '@playwright/test';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
