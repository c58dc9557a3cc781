// HTML -> PDF through Debian's Chromium (playwright-core drives it; no browser download). One browser
// serves a whole corpus run: launching it costs far more than printing a page.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LETTER_WIDTH_IN = 8.5;
const CSS_PX_PER_IN = 96;

export interface PdfPrinter {
  /**
   * Prints the HTML on Letter paper. A form wider than the printable width is scaled down to fit, as
   * a browser's "shrink to fit" printing does, so wide tables never run off the page.
   */
  print(html: string, pageMarginIn: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export async function openPdfPrinter(executablePath = CHROMIUM_PATH): Promise<PdfPrinter> {
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const page: Page = await browser.newPage();
  await page.emulateMedia({ media: 'print' });
  return {
    async print(html, pageMarginIn) {
      const printableWidth = Math.floor((LETTER_WIDTH_IN - 2 * pageMarginIn) * CSS_PX_PER_IN);
      await page.setViewportSize({ width: printableWidth, height: 1000 });
      await page.setContent(html, { waitUntil: 'load' });
      const contentWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      const scale = Math.max(0.1, Math.min(1, printableWidth / contentWidth));
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, scale });
      return new Uint8Array(pdf);
    },
    close: () => browser.close(),
  };
}
