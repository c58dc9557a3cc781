// `form4 extract FILE... [--json]`: reads each file, prints every filing in it (a scan may hold several
// back to back) with its findings and per-field confidence. One bad file gets a one-line error naming
// it and a non-zero exit; the others still run.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import type { Extraction } from '../../shared/extraction.js';
import { extractFilings } from '../form4/extract.js';
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD } from '../form4/rules/index.js';
import { OcrPool } from '../ingest/ocr-pool.js';
import { secondLook } from '../form4/parse/look-again.js';
import { readSourceDocument } from '../ingest/source-document.js';
import { CliError } from './command.js';
import { formatExtraction } from './format-extraction.js';

const HELP = `Usage: form4 extract FILE... [--json] [--threshold N] [--dpi N]

Reads Form 4s (PDF, PNG, JPEG, TIFF, or .txt/.md text from another OCR tool) and prints, per filing,
its fields, findings and per-field confidence. A scan holding several filings back to back gives each
of them, in page order; text input is read as one filing.

  --json          one JSON object per filing and line: {"filing", "findings", "confidence"}; a file
                  holding several filings gives several lines, never an array
  --threshold N   OCR confidence under which a field is flagged low-confidence (default ${DEFAULT_LOW_CONFIDENCE_THRESHOLD})
  --dpi N         resolution scanned PDF pages are rendered at (default 300)`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      threshold: { type: 'string' },
      dpi: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (positionals.length === 0) throw new CliError(`extract needs at least one FILE\n\n${HELP}`);
  const threshold = values.threshold === undefined ? undefined : positiveNumber('--threshold', values.threshold, 100);
  const dpi = values.dpi === undefined ? undefined : positiveNumber('--dpi', values.dpi, 1200);

  let pool: OcrPool | null = null;
  let failed = 0;
  try {
    for (const file of positionals) {
      try {
        const source = await readSourceDocument(
          { name: file, path: file },
          {
            ...(dpi === undefined ? {} : { dpi }),
            secondLook,
            get pool() {
              pool ??= new OcrPool();
              return pool;
            },
            onProgress: (p) => {
              if (p.phase === 'ocr' || p.phase === 'render' || p.phase === 'second-look') process.stderr.write(`${basename(file)}: page ${p.page}/${p.pages} ${p.phase}\n`);
            },
          },
        );
        const extractions = extractFilings(source.document, threshold === undefined ? {} : { lowConfidenceThreshold: threshold });
        extractions.forEach((extraction, index) => {
          const heading = extractions.length === 1 ? file : `${file} (filing ${index + 1} of ${extractions.length}, ${pagesText(extraction.pages)})`;
          process.stdout.write(values.json ? `${JSON.stringify(jsonOutput(extraction))}\n` : formatExtraction(heading, extraction, threshold ?? DEFAULT_LOW_CONFIDENCE_THRESHOLD));
        });
      } catch (error) {
        failed += 1;
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`form4: ${message.startsWith(file) ? message : `${file}: ${message}`}\n`);
      }
    }
  } finally {
    await (pool as OcrPool | null)?.close();
  }
  return failed === 0 ? 0 : 1;
}

/** Exactly {filing, findings, confidence}, as the issue and the fixtures fix it. */
function jsonOutput(extraction: Extraction) {
  return { filing: extraction.filing, findings: extraction.findings, confidence: extraction.confidence };
}

function pagesText(pages: readonly number[]): string {
  return pages.length === 1 ? `page ${pages[0]}` : `pages ${pages[0]}-${pages[pages.length - 1]}`;
}

function positiveNumber(flag: string, text: string, max: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new CliError(`${flag} takes a number from 1 to ${max}, not '${text}'`);
  return value;
}
