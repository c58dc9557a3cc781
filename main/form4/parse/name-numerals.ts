// The Roman numeral of a fund's or partnership's name with its I's read as ones: "Craft Ventures 11",
// "Fund 111" for II and III ("ll LP" for "II LP"), "Fund V1" and "Capital X1" for VI and XI. A
// sans-serif I is a bare upright stroke, which OCR takes for a 1 or an l as readily as for an I. "11"
// may be printed so ("FLOOR 11"), so it is read as a numeral only where the filing prints the same
// name with the numeral elsewhere: the word before it followed by the numeral, or the numeral
// followed by the word after it ("Craft Ventures II, L.P." in the sentence that names "Craft Ventures
// 11"). Stroke for stroke: "11" is II, "V1" is VI. ("Il" and "Ill" are mended as read, ocr-lines.ts.)
// A lone "I" is a word and a numeral of its own, so it is read as II only where the filing prints the
// name with II on both sides of it. The word is left unsure, so its field is flagged.
import type { Document, Word } from '../../../shared/document.js';
import { UNSURE } from './provenance.js';

/** Quotes and brackets before a word; punctuation, quotes and a series number ("II-2") after it. */
const WORD = /^(["'(]*)([^"'(]*?)((?:-\d+)?[,.;:)"']*)$/;

export function withNameNumerals(document: Document): Document {
  const words = document.pages.flatMap((page) => page.lines.flatMap((line) => line.words));
  // (A possessive is no part of the name: "L.P.'s" is "L.P.".)
  const core = (word: Word | undefined) => {
    const text = word?.text.replace(/['’]s$/i, '') ?? '';
    return (WORD.exec(text)?.[2] ?? text).toUpperCase();
  };
  // Each numeral the filing prints, beside the word before it and the word after it.
  const printed = new Set<string>();
  words.forEach((word, i) => {
    const numeral = core(word);
    if (!isNumeral(numeral)) return;
    if (i > 0) printed.add(`${core(words[i - 1])} ${numeral}`);
    if (i + 1 < words.length) printed.add(`${numeral} ${core(words[i + 1])}`);
  });
  if (printed.size === 0) return document;
  const mended = new Map<Word, Word>();
  words.forEach((word, i) => {
    const parts = WORD.exec(word.text);
    if (parts === null) return;
    const [before, after] = [`${core(words[i - 1])} `, ` ${core(words[i + 1])}`];
    // A lone I (or one) where the filing prints the name with II on both sides of it ("Mithril I UGP
    // LLC" beside "Mithril II UGP LLC", "Fund 1-2 L.P." beside "Fund II-2 L.P."): two strokes close
    // together read as one.
    if (/^[1lI]$/.test(parts[2]!) && printed.has(`${before}II`) && printed.has(`II${after}`)) {
      mended.set(word, { ...word, text: `${parts[1]}II${parts[3]}`, confidence: Math.min(word.confidence, UNSURE - 10) });
      return;
    }
    if (!/^[1lIVX]{2,4}$/.test(parts[2]!) || !/[1l]/.test(parts[2]!)) return;
    const numeral = parts[2]!.replace(/[1l]/g, 'I');
    if (!isNumeral(numeral)) return;
    if (!printed.has(`${before}${numeral}`) && !printed.has(`${numeral}${after}`)) return;
    mended.set(word, { ...word, text: `${parts[1]}${numeral}${parts[3]}`, confidence: Math.min(word.confidence, UNSURE - 10) });
  });
  if (mended.size === 0) return document;
  return {
    ...document,
    pages: document.pages.map((page) => ({ ...page, lines: page.lines.map((line) => ({ ...line, words: line.words.map((w) => mended.get(w) ?? w) })) })),
  };
}

/** A numeral of two to four strokes with an I in it (the stroke OCR takes for a 1): II, VI, XI, XII, IV. */
function isNumeral(word: string): boolean {
  return word.length >= 2 && word.length <= 4 && word.includes('I') && /^X{0,3}(?:IX|IV|V?I{0,3})$/.test(word);
}
