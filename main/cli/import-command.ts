// `form4 import FILE|FOLDER... [--resume]`: queues the files (a copy of each kept in the store) and
// extracts them with progress on stderr. After a crash, `form4 import --resume` finishes the queue.
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD } from '../form4/rules/index.js';
import { ImportService } from '../workflow/import-service.js';
import { createSourceExtractor } from '../workflow/source-extractor.js';
import { CliError } from './command.js';
import { importProgress, outcomeLine } from './import-progress.js';
import { printJson, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 import FILE|FOLDER... [options]
       form4 import --resume [options]

Imports Form 4s (PDF, PNG, JPEG, TIFF scans, or .txt/.md text from another OCR tool) into the store:
each is queued, read, checked and kept for review. Folders are searched for such files. A scan holding
several filings back to back becomes one filing each, all from the one file: every filing made is
reported (--json: each job's filingIds). A file already
in the store (same content) is skipped; one that fails is recorded with its error and the rest go on.
A batch cut short (crash, kill, power) is finished by --resume, or by the app's next start.

  --resume        finish the jobs left open (also done after queueing new files)
  --threshold N   OCR confidence under which a field is flagged low-confidence (default ${DEFAULT_LOW_CONFIDENCE_THRESHOLD})
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { resume: { type: 'boolean', default: false }, threshold: { type: 'string' } }, async ({ values, positionals }) => {
  if (positionals.length === 0 && values.resume !== true) throw new CliError(`import needs FILEs or FOLDERs, or --resume\n\n${HELP}`);
  const threshold = values.threshold === undefined ? undefined : Number(values.threshold);
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 100)) throw new CliError(`--threshold takes 0 to 100, not '${values.threshold}'`);

  return withStore(values, async ({ repos, clock, actor, json }) => {
    const extractor = createSourceExtractor(threshold === undefined ? {} : { lowConfidenceThreshold: threshold });
    const service = new ImportService(repos, { clock, extract: extractor.extract, ...(threshold === undefined ? {} : { lowConfidenceThreshold: threshold }) });
    const onEvent = json ? undefined : importProgress(process.stderr);
    const controller = new AbortController();
    const cancel = (): void => controller.abort();
    process.once('SIGINT', cancel);
    try {
      const queued = positionals.length > 0 ? (await service.enqueue(positionals, actor, onEvent)).jobs : [];
      const result = await service.run({ signal: controller.signal, ...(onEvent === undefined ? {} : { onEvent }) });
      const notQueued = queued.filter((job) => job.state !== 'queued');
      const all = [...notQueued, ...result.finished];
      const count = (state: string) => all.filter((job) => job.state === state).length;
      const filingsMade = all.filter((job) => job.state === 'done').reduce((sum, job) => sum + service.filingIdsOf(job).length, 0);
      if (json) {
        printJson({
          jobs: all.map((job) => ({ id: job.id, path: job.path, name: job.name, state: job.state, message: job.message, filingId: job.filingId, filingIds: service.filingIdsOf(job) })),
          imported: count('done'),
          filings: filingsMade,
          skipped: count('skipped'),
          failed: count('failed'),
          remaining: result.remaining,
          cancelled: result.cancelled,
        });
      } else {
        if (all.length === 0) process.stderr.write('nothing to import: no open jobs\n');
        else process.stderr.write(`${count('done')} imported${filingsMade === count('done') ? '' : ` as ${filingsMade} filings`}, ${count('skipped')} skipped, ${count('failed')} failed${result.remaining > 0 ? `, ${result.remaining} left (form4 import --resume)` : ''}\n`);
        for (const job of result.finished.filter((item) => item.state === 'done')) process.stdout.write(`${outcomeLine(job)}\n`);
      }
      return count('failed') > 0 || result.cancelled ? 1 : 0;
    } finally {
      process.removeListener('SIGINT', cancel);
      await extractor.close();
    }
  });
});
