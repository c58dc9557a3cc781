// Writing one section of docs/BENCHMARKS.md and leaving the rest as it is: each bench owns the
// section it measures ("## OCR", "## Accuracy", "### form4 extract on a 10-page scan" inside OCR).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `markdown` with the section that starts with the line `heading` (up to the next heading of any
 * level, so a section's own subsections stay) replaced by `section`. A missing section goes at the
 * end of the `## ` section `parent` when given and present, else at the end.
 */
export function replaceSection(markdown: string, heading: string, section: string, parent?: string): string {
  const body = `${section.trimEnd()}\n`;
  const existing = new RegExp(`(^|\\n)${escape(heading)}\\n[\\s\\S]*?(?=\\n#{2,} |$)`);
  if (existing.test(markdown)) return markdown.replace(existing, (_, start: string) => `${start}${body}`);
  const parentAt = parent === undefined ? -1 : markdown.search(new RegExp(`(^|\\n)${escape(parent)}\\n`));
  if (parentAt >= 0) {
    const next = markdown.slice(parentAt + 1).search(/\n## /);
    if (next >= 0) {
      const at = parentAt + 1 + next;
      return `${markdown.slice(0, at).trimEnd()}\n\n${body}${markdown.slice(at)}`;
    }
  }
  return `${markdown.trimEnd()}\n\n${body}`;
}

export function writeSection(path: string, heading: string, section: string, parent?: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n';
  writeFileSync(path, replaceSection(current, heading, section, parent));
}
