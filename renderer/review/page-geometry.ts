// Page image geometry: boxes in a page's pixels (OCR words, a field's source) placed on the image as
// shown, scaled by the zoom and turned by the rotation, and the CSS transform that turns the image
// the same way. Everything shown over the image goes through displayBox, so outline and words agree.
import type { Box } from '../../shared/document.js';

export type Rotation = 0 | 90 | 180 | 270;

export interface Size {
  width: number;
  height: number;
}

export function nextRotation(rotation: Rotation): Rotation {
  return ((rotation + 90) % 360) as Rotation;
}

/** The size of the page as shown: scaled, and with width and height swapped on a quarter turn. */
export function shownSize(page: Size, scale: number, rotation: Rotation): Size {
  const width = page.width * scale;
  const height = page.height * scale;
  return rotation === 90 || rotation === 270 ? { width: height, height: width } : { width, height };
}

/** A box in page pixels -> the box it covers on the shown page (clockwise rotation, origin top left). */
export function displayBox(box: Box, page: Size, scale: number, rotation: Rotation): Box {
  const x = box.x * scale;
  const y = box.y * scale;
  const width = box.width * scale;
  const height = box.height * scale;
  const pageWidth = page.width * scale;
  const pageHeight = page.height * scale;
  switch (rotation) {
    case 0:
      return { x, y, width, height };
    case 90:
      return { x: pageHeight - (y + height), y: x, width: height, height: width };
    case 180:
      return { x: pageWidth - (x + width), y: pageHeight - (y + height), width, height };
    case 270:
      return { x: y, y: pageWidth - (x + width), width: height, height: width };
  }
}

/** The point of the page (its pixels) under a point of the shown page: displayBox the other way. */
export function pagePoint(point: { x: number; y: number }, page: Size, scale: number, rotation: Rotation): { x: number; y: number } {
  const x = point.x / scale;
  const y = point.y / scale;
  switch (rotation) {
    case 0:
      return { x, y };
    case 90:
      return { x: y, y: page.height - x };
    case 180:
      return { x: page.width - x, y: page.height - y };
    case 270:
      return { x: page.width - y, y: x };
  }
}

/** The index of the box holding a point (both in page pixels), the smallest of those that overlap there; null when none does. */
export function boxAt(boxes: readonly Box[], point: { x: number; y: number }): number | null {
  let found: number | null = null;
  let area = Number.POSITIVE_INFINITY;
  boxes.forEach((box, index) => {
    if (point.x < box.x || point.x > box.x + box.width || point.y < box.y || point.y > box.y + box.height) return;
    if (box.width * box.height < area) {
      found = index;
      area = box.width * box.height;
    }
  });
  return found;
}

/** The CSS transform (origin top left) that turns an image of the scaled page size like displayBox. */
export function imageTransform(page: Size, scale: number, rotation: Rotation): string {
  const width = page.width * scale;
  const height = page.height * scale;
  switch (rotation) {
    case 0:
      return 'none';
    case 90:
      return `translate(${height}px, 0px) rotate(90deg)`;
    case 180:
      return `translate(${width}px, ${height}px) rotate(180deg)`;
    case 270:
      return `translate(0px, ${width}px) rotate(270deg)`;
  }
}

/** The display copy's pixels per page pixel (main/api/display-rendition.ts: 150 of 300 DPI). */
export const DISPLAY_SCALE = 0.5;
/** How far the display copy may be enlarged on screen before the full image is loaded over it. */
const DISPLAY_ENLARGED_AT_MOST = 1.25;

/**
 * Whether the page shown at `scale` (CSS pixels per page pixel) on a screen of `devicePixelRatio`
 * needs more pixels than its display copy has: then the full image is shown.
 */
export function needsFullImage(scale: number, devicePixelRatio: number): boolean {
  return scale * devicePixelRatio > DISPLAY_SCALE * DISPLAY_ENLARGED_AT_MOST;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** One zoom step in or out (a factor of 1.25), clamped. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  return clampZoom(direction === 1 ? zoom * 1.25 : zoom / 1.25);
}

/** The scale at which the turned page fills `available` pixels of width. */
export function fitWidthScale(available: number, page: Size, rotation: Rotation): number {
  const width = rotation === 90 || rotation === 270 ? page.height : page.width;
  return width <= 0 ? 1 : clampZoom(available / width);
}

/**
 * The scroll position that brings `box` (shown coordinates) into a viewport, with a margin; the
 * current position when it is already in view. Centers the box along an axis it must move on.
 */
export function scrollToBox(box: Box, scroll: { left: number; top: number }, viewport: Size, margin = 24): { left: number; top: number } {
  const axis = (start: number, length: number, current: number, span: number): number => {
    if (start - margin >= current && start + length + margin <= current + span) return current;
    return Math.max(0, start + length / 2 - span / 2);
  };
  return { left: axis(box.x, box.width, scroll.left, viewport.width), top: axis(box.y, box.height, scroll.top, viewport.height) };
}

/** The scroll position that keeps the page point under the cursor in place when the scale changes. */
export function zoomAround(cursor: { x: number; y: number }, scroll: { left: number; top: number }, from: number, to: number): { left: number; top: number } {
  const ratio = to / from;
  return { left: Math.max(0, (scroll.left + cursor.x) * ratio - cursor.x), top: Math.max(0, (scroll.top + cursor.y) * ratio - cursor.y) };
}

/**
 * The page `step` pages on from `page` among the filing's own pages (a filing split from a PDF of
 * several holds, say, pages 2 to 4 of the file), or null past either end.
 */
export function neighbourPage(pages: ReadonlyArray<{ number: number }>, page: number, step: 1 | -1): number | null {
  const index = pages.findIndex((item) => item.number === page);
  return pages[index < 0 ? (step > 0 ? 0 : -1) : index + step]?.number ?? null;
}
