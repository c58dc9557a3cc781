// `form4 export --format xml|csv|json --out DIR [--since DATE]`: writes the approved filings out and
// marks them exported. XML is one EDGAR ownershipDocument per filing; CSV and JSON one file per export.
import { toCsv } from '../form4/export/csv.js';
import { toEdgarXml } from '../form4/export/edgar-xml.js';
import { toJson } from '../form4/export/json.js';
import type { ExportFormat } from '../store/exports-repository.js';
import { ExportService } from '../workflow/export-service.js';
import { CliError } from './command.js';
import { printJson, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 export --format xml|csv|json --out DIR [--since DATE] [options]

Exports every approved filing not yet exported (approved on or after DATE with --since), then marks
them exported. xml: one EDGAR ownership XML file per filing; csv, json: one file for the export.

  --format F      xml, csv or json
  --out DIR       folder to write into (made if missing)
  --since DATE    only filings approved on or after DATE (YYYY-MM-DD)
${STORE_OPTIONS_HELP}`;

const FORMATS: readonly ExportFormat[] = ['xml', 'csv', 'json'];

export const run = storeCommand(HELP, { format: { type: 'string' }, out: { type: 'string' }, since: { type: 'string' } }, async ({ values }) => {
  const format = values.format as ExportFormat | undefined;
  if (format === undefined || !FORMATS.includes(format)) throw new CliError(`export needs --format xml, csv or json\n\n${HELP}`);
  if (values.out === undefined || values.out === '') throw new CliError(`export needs --out DIR\n\n${HELP}`);
  const outDir = values.out;
  return withStore(values, async ({ repos, clock, actor, json }) => {
    const service = new ExportService(repos, { clock, formats: { xml: (filing) => toEdgarXml(filing), csv: toCsv, json: toJson } });
    const result = await service.export({ format, outDir, since: values.since, actor });
    if (json) printJson(result);
    else {
      if (result.exported.length === 0) process.stdout.write('no approved filings to export\n');
      else process.stdout.write(`${result.exported.length} filing(s) exported (export #${result.exportId}):\n${result.files.map((file) => `  ${file}`).join('\n')}\n`);
      for (const problem of result.problems) process.stderr.write(`form4: filing #${problem.filingId} not exported: ${problem.message}\n`);
    }
    return result.problems.length > 0 ? 1 : 0;
  });
});
