// Page images wrapped as a PDF with no text layer, as a scanner or a fax-to-PDF service writes them: the
// product must OCR these, it cannot read text out of them.
import { deflateSync } from 'node:zlib';
import {
  PDFDocument,
  PDFName,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import type { GrayImage } from './gray-image.js';

export type ScannedPage =
  /** A lossless page: 8-bit gray, Flate-compressed, as a clean 300 DPI scan is stored. */
  | { kind: 'gray'; dpi: number; image: GrayImage }
  /** A JPEG the scanner already encoded, embedded as it is (DCTDecode), artifacts included. */
  | { kind: 'jpeg'; dpi: number; width: number; height: number; bytes: Uint8Array };

const POINTS_PER_INCH = 72;

/** One PDF page per image, each page the size of the paper the image was scanned from. */
export async function imageOnlyPdf(pages: readonly ScannedPage[]): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  // A fixed date keeps the file identical from run to run for the same pages.
  const fixedDate = new Date(Date.UTC(2000, 0, 1));
  document.setCreationDate(fixedDate);
  document.setModificationDate(fixedDate);
  document.setProducer('form4-reviewer corpus scanner');
  document.setCreator('form4-reviewer corpus scanner');
  for (const page of pages) {
    const width = page.kind === 'gray' ? page.image.width : page.width;
    const height = page.kind === 'gray' ? page.image.height : page.height;
    const widthPt = (width / page.dpi) * POINTS_PER_INCH;
    const heightPt = (height / page.dpi) * POINTS_PER_INCH;
    const pdfPage = document.addPage([widthPt, heightPt]);
    let imageRef;
    if (page.kind === 'jpeg') {
      imageRef = (await document.embedJpg(page.bytes)).ref;
    } else {
      const stream = document.context.stream(deflateSync(page.image.data, { level: 6 }), {
        Type: 'XObject',
        Subtype: 'Image',
        Width: width,
        Height: height,
        ColorSpace: 'DeviceGray',
        BitsPerComponent: 8,
        Filter: 'FlateDecode',
      });
      imageRef = document.context.register(stream);
    }
    pdfPage.node.setXObject(PDFName.of('Scan'), imageRef);
    pdfPage.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix(widthPt, 0, 0, heightPt, 0, 0),
      drawObject('Scan'),
      popGraphicsState(),
    );
  }
  return document.save({ useObjectStreams: false });
}
