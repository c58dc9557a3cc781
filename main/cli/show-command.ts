// `form4 show ID`: one filing with every field (value, confidence, where it came from, who set it),
// its findings, and what was decided about it.
import { ReviewService, type FilingView } from '../workflow/review-service.js';
import { filingId, printJson, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 show ID [options]

Shows a filing: its fields with confidence and source, its findings, decisions and exports.
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, {}, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  return withStore(values, ({ repos, clock, json }) => {
    const view = new ReviewService(repos, { clock }).show(id);
    if (json) printJson(view);
    else process.stdout.write(formatFilingView(view));
    return 0;
  });
});

function lineLabel(path: string): string {
  const match = /^(nonDerivative|derivative)\[(\d+)\]/.exec(path);
  if (match === null) return '';
  return `${match[1] === 'nonDerivative' ? 'Table I' : 'Table II'} line ${Number(match[2]) + 1}`;
}

/** "3 page(s)", or where the source holds several filings, which of its pages this one is on. */
function pagesOfSource(pages: FilingView['pages'], pageCount: number): string {
  if (pages.length === 0 || pages.length === pageCount) return `${pageCount} page(s)`;
  const first = pages[0]!.number;
  const last = pages[pages.length - 1]!.number;
  return `${first === last ? `page ${first}` : `pages ${first}-${last}`} of ${pageCount}`;
}

export function formatFilingView(view: FilingView): string {
  const { filing } = view;
  const out: string[] = [];
  out.push(`Filing #${filing.id}  ${filing.status}  ${filing.errors} error(s), ${filing.warnings} warning(s)`);
  out.push(`  ${filing.reportingPerson || '(no reporting person)'} — ${filing.issuer || '(no issuer)'} [${filing.ticker || '-'}], box 3 ${filing.periodOfReport ?? '-'}`);
  if (view.source !== null) out.push(`  from ${view.source.name} (${view.source.origin}, ${pagesOfSource(view.pages, view.source.pageCount)}, sha256 ${view.source.sha256.slice(0, 12)}…) imported ${view.source.importedAt} by ${view.source.importedBy}`);
  out.push('', 'Fields:');
  let group = '';
  for (const field of view.fields) {
    const label = lineLabel(field.path);
    if (label !== group && label !== '') out.push(`  ${label}:`);
    group = label;
    const notes = [
      field.confidence === null ? null : `conf ${Math.round(field.confidence)}`,
      field.guess === null ? null : `guessed: ${field.guess}`,
      field.setBy === null ? null : `set by ${field.setBy} ${field.setAt ?? ''}`.trim(),
      field.source === null || field.source.text === '' ? null : `read "${field.source.text}" p${field.source.page}`,
    ].filter((note) => note !== null);
    out.push(`    ${field.path} = ${JSON.stringify(field.value)}${notes.length > 0 ? `   (${notes.join('; ')})` : ''}`);
  }
  out.push('', view.findings.length === 0 ? 'Findings: none' : 'Findings:');
  for (const item of view.findings) out.push(`  ${item.severity.toUpperCase().padEnd(7)} ${item.rule} at ${item.path || '(whole filing)'}: ${item.message}`);
  if (view.decisions.length > 0) {
    out.push('', 'Decisions:');
    for (const decision of view.decisions) {
      out.push(`  ${decision.decidedAt} ${decision.decision} by ${decision.decidedBy}${decision.reason === null ? '' : `: ${decision.reason}`}`);
      for (const override of decision.overrides) out.push(`    overrode ${override.rule} at ${override.path || '(whole filing)'}: ${override.reason}`);
    }
  }
  for (const item of view.exports) out.push(`Exported ${item.exportedAt} as ${item.format} by ${item.exportedBy}: ${item.file}`);
  return `${out.join('\n')}\n`;
}
