// The scanned page beside the form: zoom (buttons, Ctrl+wheel, +/-), pan by dragging, fit to
// width, rotate, page switcher. The focused field's source is outlined and scrolled into view;
// the OCR words are found under the pointer, and clicking one puts its text into the focused field
// (Shift adds it to the text there). A mouse press here never takes the focus from the field.
// The page is shown from its display copy (half the pixels); zoomed in further than that copy
// holds, the full image is loaded over it.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Box, Document, FieldSource } from '../../shared/document.js';
import type { PageRecord } from '../../shared/views.js';
import { useApp, useCommand } from '../app/app-context.js';
import { boxAt, clampZoom, neighbourPage, displayBox, fitWidthScale, imageTransform, needsFullImage, nextRotation, pagePoint, scrollToBox, shownSize, stepZoom, zoomAround, type Rotation, type Size } from './page-geometry.js';
import { unionBox } from '../../shared/boxes.js';

export interface PageViewerProps {
  filingId: number;
  pages: readonly PageRecord[];
  page: number;
  onPage(page: number): void;
  words: Document | null;
  outline: FieldSource | null;
  onPickWord(text: string, append: boolean): void;
}

/**
 * Zoom settings carry over from one filing to the next, as an analyst sets them once; so does the
 * viewer's width, so a page opens at the right size without measuring the screen first.
 */
const remembered: { fit: boolean; zoom: number; available: number | null } = { fit: true, zoom: 0.5, available: null };
const PADDING = 16;
const DRAG_THRESHOLD = 4;

/** Rendered again only when its own props change: saving a field or moving between fields without a source leaves it be. */
export const PageViewer = memo(function PageViewer({ filingId, pages, page, onPage, words, outline, onPickWord }: PageViewerProps) {
  const { api } = useApp();
  const scroller = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(remembered.fit);
  const [zoom, setZoom] = useState(remembered.zoom);
  const [rotation, setRotation] = useState<Rotation>(0);
  // The viewer's width as last seen; the first time, unknown until the viewer is laid out.
  const [available, setAvailable] = useState<number | null>(remembered.available);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  const record = pages.find((item) => item.number === page) ?? null;
  const width = record?.width ?? 0;
  const height = record?.height ?? 0;
  const size = useMemo<Size | null>(() => (record === null ? null : { width, height }), [record === null, width, height]);
  const scale = size === null ? 1 : fit ? fitWidthScale((available ?? 0) - PADDING * 2, size, rotation) : zoom;
  const shown = size === null ? null : shownSize(size, scale, rotation);
  const imageUrl = record?.image === null || record === null ? null : api.pageImageUrl(filingId, page, 'display');
  const fullUrl = imageUrl !== null && needsFullImage(scale, window.devicePixelRatio) ? api.pageImageUrl(filingId, page, 'full') : null;

  useEffect(() => {
    remembered.fit = fit;
    remembered.zoom = zoom;
  }, [fit, zoom]);

  // Measured when the viewer is laid out anyway (a ResizeObserver), never by forcing a layout.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => {
      remembered.available = element.clientWidth;
      setAvailable(element.clientWidth);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const setScale = useCallback(
    (next: number, cursor?: { x: number; y: number }) => {
      const element = scroller.current;
      const target = clampZoom(next);
      if (element !== null && cursor !== undefined) {
        const position = zoomAround({ x: cursor.x - PADDING, y: cursor.y - PADDING }, { left: element.scrollLeft, top: element.scrollTop }, scale, target);
        requestAnimationFrame(() => {
          element.scrollLeft = position.left;
          element.scrollTop = position.top;
        });
      }
      setFit(false);
      setZoom(target);
    },
    [scale],
  );

  // The outline of the focused field, scrolled into view when it changes.
  const outlineBox = outline !== null && outline.page === page && size !== null && available !== null ? unionBox(outline.boxes) : null;
  const shownOutline = outlineBox === null || size === null ? null : displayBox(outlineBox, size, scale, rotation);
  const outlineKey = shownOutline === null ? null : `${page}:${shownOutline.x}:${shownOutline.y}:${shownOutline.width}`;
  useEffect(() => {
    const element = scroller.current;
    if (element === null || shownOutline === null) return;
    const next = scrollToBox({ ...shownOutline, x: shownOutline.x + PADDING, y: shownOutline.y + PADDING }, { left: element.scrollLeft, top: element.scrollTop }, { width: element.clientWidth, height: element.clientHeight }, 48);
    element.scrollTo({ left: next.left, top: next.top, behavior: 'auto' });
    // Scrolls when the outline moves, not on every render.
  }, [outlineKey]);

  useCommand('page.zoomIn', () => setScale(stepZoom(scale, 1)));
  useCommand('page.zoomOut', () => setScale(stepZoom(scale, -1)));
  useCommand('page.fitWidth', () => setFit(true));
  useCommand('page.rotate', () => setRotation((current) => nextRotation(current)));
  const next = neighbourPage(pages, page, 1);
  const previous = neighbourPage(pages, page, -1);
  useCommand('page.next', () => (next !== null ? onPage(next) : false));
  useCommand('page.previous', () => (previous !== null ? onPage(previous) : false));

  // Ctrl+wheel zooms about the cursor; a plain wheel scrolls. React's wheel listener is passive.
  useEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const onWheel = (event: WheelEvent): void => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      setScale(event.deltaY < 0 ? scale * 1.1 : scale / 1.1, { x: event.clientX - rect.left, y: event.clientY - rect.top });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scale, setScale]);

  const onMouseDown = (event: React.MouseEvent): void => {
    if (event.button !== 0 || (event.target as HTMLElement).closest('button, select, input') !== null) return;
    const element = scroller.current;
    if (element === null) return;
    const rect = element.getBoundingClientRect();
    // A press on a scroll bar scrolls by itself.
    if (event.clientX - rect.left >= element.clientWidth || event.clientY - rect.top >= element.clientHeight) return;
    // Keeps the focus in the field being filled.
    event.preventDefault();
    drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop, moved: false };
    const onMove = (move: MouseEvent): void => {
      const state = drag.current;
      if (state === null) return;
      const dx = move.clientX - state.x;
      const dy = move.clientY - state.y;
      if (Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD) state.moved = true;
      element.scrollLeft = state.left - dx;
      element.scrollTop = state.top - dy;
    };
    const onUp = (): void => {
      window.removeEventListener('mousemove', onMove);
      window.removeEventListener('mouseup', onUp);
      element.classList.remove('panning');
      // A click that became a drag picks no word.
      if (drag.current?.moved === true) window.setTimeout(() => (drag.current = null));
      else drag.current = null;
    };
    element.classList.add('panning');
    window.addEventListener('mousemove', onMove);
    window.addEventListener('mouseup', onUp);
  };

  const pick = useCallback(
    (text: string, append: boolean): void => {
      if (drag.current?.moved === true) return;
      onPickWord(text, append);
    },
    [onPickWord],
  );

  return (
    <div className="viewer" data-testid="page-viewer">
      <div className="viewer-toolbar">
        <button type="button" className="icon-button" tabIndex={-1} title="Previous page (Alt+PageUp)" data-testid="page-previous" disabled={previous === null} onClick={() => previous !== null && onPage(previous)}>
          ‹
        </button>
        <select className="select small" tabIndex={-1} aria-label="Page" data-testid="page-select" value={page} onChange={(event) => onPage(Number(event.target.value))} disabled={pages.length <= 1}>
          {pages.length === 0 ? <option value={page}>no pages</option> : null}
          {pages.map((item, index) => (
            <option key={item.number} value={item.number}>
              Page {index + 1} of {pages.length}{item.number !== index + 1 ? ` (page ${item.number} of the file)` : ''}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" tabIndex={-1} title="Next page (Alt+PageDown)" data-testid="page-next" disabled={next === null} onClick={() => next !== null && onPage(next)}>
          ›
        </button>
        <div className="toolbar-sep" />
        <button type="button" className="icon-button" tabIndex={-1} title="Zoom out (−)" data-testid="zoom-out" disabled={imageUrl === null} onClick={() => setScale(stepZoom(scale, -1))}>
          −
        </button>
        <span className="zoom-level" data-testid="zoom-level">
          {Math.round(scale * 100)}%
        </span>
        <button type="button" className="icon-button" tabIndex={-1} title="Zoom in (+)" data-testid="zoom-in" disabled={imageUrl === null} onClick={() => setScale(stepZoom(scale, 1))}>
          +
        </button>
        <button type="button" className={`button small${fit ? ' active' : ''}`} tabIndex={-1} title="Fit to width (W)" data-testid="fit-width" disabled={imageUrl === null} onClick={() => setFit(true)}>
          Fit width
        </button>
        <button type="button" className="button small" tabIndex={-1} title="Rotate (R)" data-testid="rotate" disabled={imageUrl === null} onClick={() => setRotation((current) => nextRotation(current))}>
          ⟳ Rotate
        </button>
      </div>
      <div ref={scroller} className="viewer-scroller" onMouseDown={onMouseDown}>
        {size !== null && shown !== null && imageUrl !== null && available !== null ? (
          <div className="page-sheet" style={{ width: shown.width, height: shown.height, margin: PADDING }}>
            <img
              key={imageUrl}
              src={imageUrl}
              alt={`Page ${page} of the filing`}
              className="page-image"
              data-testid="page-image"
              data-page={page}
              data-loaded={loaded === imageUrl ? 'true' : 'false'}
              draggable={false}
              style={{ width: size.width * scale, height: size.height * scale, transform: imageTransform(size, scale, rotation) }}
              onLoad={() => {
                setLoaded(imageUrl);
                setFailed(null);
              }}
              onError={() => setFailed(imageUrl)}
            />
            {fullUrl === null ? null : (
              // Over the display copy, which shows until this one has loaded.
              <img
                key={fullUrl}
                src={fullUrl}
                alt=""
                className="page-image"
                data-testid="page-image-full"
                draggable={false}
                style={{ width: size.width * scale, height: size.height * scale, transform: imageTransform(size, scale, rotation) }}
              />
            )}
            <WordLayer words={words} page={page} size={size} scale={scale} rotation={rotation} onPick={pick} />
            {shownOutline === null ? null : (
              <div
                className="source-outline"
                data-testid="source-outline"
                style={{ transform: `translate(${shownOutline.x - 3}px, ${shownOutline.y - 3}px)`, width: shownOutline.width + 6, height: shownOutline.height + 6 }}
              />
            )}
            {failed === imageUrl ? <div className="page-missing">The image of page {page} could not be loaded.</div> : null}
          </div>
        ) : words !== null && words.pages.length > 0 ? (
          <TextSource words={words} outline={outline} onPick={pick} />
        ) : (
          <div className="page-missing">No image of this filing’s source.</div>
        )}
      </div>
    </div>
  );
});

/**
 * The OCR words over the image: one layer that finds the word under the pointer, rather than an
 * element per word (several hundred a page, each created, styled and laid out on every opening).
 * The word under the pointer is marked, with its text and confidence as the tooltip.
 */
const WordLayer = memo(function WordLayer({ words, page, size, scale, rotation, onPick }: { words: Document | null; page: number; size: Size; scale: number; rotation: Rotation; onPick(text: string, append: boolean): void }) {
  const pageWords = useMemo(() => (words?.pages.find((item) => item.number === page)?.lines.flatMap((line) => line.words) ?? []).filter((word): word is typeof word & { box: Box } => word.box !== null), [words, page]);
  const boxes = useMemo(() => pageWords.map((word) => word.box), [pageWords]);
  const [hovered, setHovered] = useState<number | null>(null);
  useEffect(() => setHovered(null), [pageWords]);

  const wordAt = (event: React.MouseEvent<HTMLDivElement>): number | null => {
    const rect = event.currentTarget.getBoundingClientRect();
    return boxAt(boxes, pagePoint({ x: event.clientX - rect.left, y: event.clientY - rect.top }, size, scale, rotation));
  };
  const word = hovered === null ? undefined : pageWords[hovered];
  const box = word === undefined ? null : displayBox(word.box, size, scale, rotation);
  return (
    <div
      className={`page-words${word === undefined ? '' : ' over-word'}`}
      data-testid="page-words"
      data-words={pageWords.length}
      onMouseMove={(event) => setHovered(wordAt(event))}
      onMouseLeave={() => setHovered(null)}
      onClick={(event) => {
        const index = wordAt(event);
        const picked = index === null ? undefined : pageWords[index];
        if (picked !== undefined) onPick(picked.text, event.shiftKey);
      }}
    >
      {word === undefined || box === null ? null : (
        <span className="page-word" data-testid="page-word" title={`${word.text} (${Math.round(word.confidence)})`} style={{ left: box.x, top: box.y, width: box.width, height: box.height }} />
      )}
    </div>
  );
});

/** A text input has no image: its words as lines, each clickable like a word on a scan. */
function TextSource({ words, outline, onPick }: { words: Document; outline: FieldSource | null; onPick(text: string, append: boolean): void }) {
  const needle = outline?.text.trim() ?? '';
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    root.current?.querySelector('.holds-source')?.scrollIntoView({ block: 'nearest' });
  }, [needle]);
  return (
    <div ref={root} className="text-source" data-testid="text-source">
      {words.pages.map((page) =>
        page.lines.map((line, lineIndex) => {
          const lineText = line.words.map((word) => word.text).join(' ');
          const holds = needle !== '' && lineText.includes(needle);
          return (
            <div key={`${page.number}:${lineIndex}`} className={`text-line${holds ? ' holds-source' : ''}`} data-testid={holds ? 'source-line' : undefined}>
              {line.words.map((word, index) => (
                <span key={index} className="text-word" onClick={(event) => onPick(word.text, event.shiftKey)}>
                  {word.text}{' '}
                </span>
              ))}
            </div>
          );
        }),
      )}
    </div>
  );
}
