// Keeps, per field path, how sure the reading is, the words it came from, and whether the parser had to
// guess: what the review screen outlines and what `low-confidence` reports.
import type { FieldSource } from '../../../shared/document.js';
import type { Token } from './tokens.js';

/** Under this confidence a word is unsure (the low-confidence rule's default threshold). */
export const UNSURE = 80;

export class Provenance {
  readonly confidence: Record<string, number> = {};
  readonly sources: Record<string, FieldSource> = {};
  readonly guesses: Record<string, string> = {};

  /** Records that `path` was read from `tokens`; with `guess`, that the reading is the parser's best guess. */
  read(path: string, tokens: readonly Token[], guess?: string): void {
    if (tokens.length > 0) {
      this.confidence[path] = Math.min(...tokens.map((t) => t.confidence));
      const first = tokens[0]!;
      this.sources[path] = {
        page: first.page,
        boxes: tokens.filter((t) => t.page === first.page && t.box !== null).map((t) => t.box!),
        text: tokens.map((t) => t.text).join(' '),
      };
    }
    if (guess !== undefined) this.guess(path, guess);
  }

  guess(path: string, why: string): void {
    this.guesses[path] = this.guesses[path] === undefined ? why : `${this.guesses[path]}; ${why}`;
  }
}
