// The "## Accuracy" section of docs/BENCHMARKS.md, made from the tallies of a run.
import type { OcrTiming } from './ocr-timing.js';
import { misses, percent, type SetTally } from './tally.js';

const WORST_PATHS = 10;

export function accuracySection(results: ReadonlyArray<{ set: string; tally: SetTally; timing: OcrTiming | null; lookSecondsPerPage: number | null }>, machine: string, date: string): string {
  const rows = results.map(({ set, tally, timing, lookSecondsPerPage }) => {
    const seconds = timing ? `${(timing.seconds / timing.pages).toFixed(2)} (${timing.workers} workers, ${timing.date})` : 'n/a';
    return `| ${set} | ${tally.filings} / ${tally.pages} | ${tally.failed.length} | ${tally.fields} | ${percent(tally.exact, tally.fields)} | ` +
      `${percent(tally.filledExact, tally.filledFields)} | ${percent(tally.wrongSilent, tally.fields)} | ${percent(tally.wrongFlagged, tally.fields)} | ` +
      `${percent(tally.missing, tally.fields)} | ${percent(tally.exactFlagged, tally.exact)} | ${tally.extraLines} (${tally.extraLinesSilent}) | ${seconds} | ${lookSecondsPerPage === null ? 'off' : lookSecondsPerPage.toFixed(2)} |`;
  });
  const worst = results.flatMap(({ set, tally }) => [
    '',
    `Worst field paths, ${set} (misses of fields: wrong and silent / wrong and flagged / missing):`,
    '',
    ...tally.byPath.filter((entry) => misses(entry) > 0).slice(0, WORST_PATHS).map((entry) => {
      const example = entry.examples[0];
      const shown = example ? ` — e.g. got ${JSON.stringify(example.got)}, expected ${JSON.stringify(example.expected)}` : '';
      return `- \`${entry.path}\`: ${misses(entry)} of ${entry.fields} (${entry.wrongSilent} / ${entry.wrongFlagged} / ${entry.missing})${shown.length > 140 ? `${shown.slice(0, 137)}...` : shown}`;
    }),
  ]);
  return [
    '## Accuracy',
    '',
    `Run by \`npm run bench:accuracy -- --docs\` on ${date}: ${machine}. The scan pipeline as \`form4 extract\` runs it`,
    '(readDocument at 300 DPI with orientation handling, OCR pool -> extractFiling) over the corpus scans of `npm run corpus`,',
    'every printed leaf field of the truth compared (tables, owners, footnotes and signatures line by line, by position; CIKs are',
    'not printed and not compared; text equal up to spacing). A wrong field is *flagged* when a finding\'s path is the field\'s',
    'path or a prefix of it, else *silent*; an extra table line, when a finding points at it or at one of its cells. Seconds',
    'per page: wall-clock of the uncached OCR runs that filled the cache, PDFs',
    'read two at a time, on a machine shared with other work (so an upper bound). The cache holds each page\'s first reading;',
    'what follows it runs on every bench run, the page rasterized again: lines the reading ran together read apart band by',
    'band (main/ingest/merged-lines.ts), then the second look (the parser\'s unsure cells cut out and read with only the',
    'characters they can hold, twice, and those whose two readings differ once more thresholded locally;',
    'main/ingest/second-look.ts). Its wall-clock per page is the last column.',
    '*Exact but flagged*: fields read right that a finding still points at, the share of the exact ones (what the analyst',
    'checks for nothing).',
    '',
    '| set | PDFs / pages | no filing | fields | exact | exact, non-blank truth | wrong, silent | wrong, flagged | missing | exact but flagged | extra lines (silent) | OCR s/page | second look s/page |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...rows,
    ...worst,
    '',
  ].join('\n');
}
