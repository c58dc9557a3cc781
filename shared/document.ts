// One document model for every input: pages -> lines -> words. OCR output, a PDF's text layer and
// text files written by other OCR tools all become this, and the parser reads nothing else.
import { z } from 'zod';

/** A rectangle on a page image, in that page's pixels (origin top left). */
export const boxSchema = z.strictObject({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});

export const wordSchema = z.strictObject({
  text: z.string(),
  /** Null for text inputs, which carry no geometry. */
  box: boxSchema.nullable(),
  /** 0-100; 100 for text inputs. */
  confidence: z.number().min(0).max(100),
  /**
   * Text inputs only: the index of the table cell the word sat in on its line (markdown `|` or a
   * tab), so the parser can read columns the other tool found. Null where the line had no cells.
   */
  cell: z.number().int().nullable().optional(),
  /**
   * The input set this word apart from the one before it on its line: a new underlined value or a
   * line break inside a table cell (text inputs), or a wide horizontal gap (scans). Box 1's street
   * lines, for one, are told apart by it when a text input runs them together.
   */
  gapBefore: z.boolean().optional(),
});

export const lineSchema = z.strictObject({
  words: z.array(wordSchema),
  box: boxSchema.nullable(),
});

export const pageSchema = z.strictObject({
  /** 1-based page number in the source file. */
  number: z.number().int().min(1),
  width: z.number(),
  height: z.number(),
  lines: z.array(lineSchema),
});

export const documentSchema = z.strictObject({
  /** Where the words came from: a text file, a PDF's text layer, or OCR. */
  origin: z.enum(['text', 'pdf-text', 'ocr']),
  pages: z.array(pageSchema),
});

/** How a checkbox is written in a document's words when its state was seen (not read as text). */
export const CHECKBOX_TEXT = { checked: '[X]', empty: '[]' } as const;

export type Box = z.infer<typeof boxSchema>;
export type Word = z.infer<typeof wordSchema>;
export type Line = z.infer<typeof lineSchema>;
export type Page = z.infer<typeof pageSchema>;
export type Document = z.infer<typeof documentSchema>;

/** Where a field's value came from: the page and the boxes of its words (none for text inputs). */
export const fieldSourceSchema = z.strictObject({
  page: z.number().int().min(1),
  boxes: z.array(boxSchema),
  /** The words as they stood in the input, before the parser read them. */
  text: z.string(),
});
export type FieldSource = z.infer<typeof fieldSourceSchema>;
