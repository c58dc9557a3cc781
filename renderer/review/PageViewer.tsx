// The scanned page beside the form: zoom (buttons, Ctrl+wheel, +/-), pan by dragging, fit to
// width, rotate, page switcher. The focused field's source is outlined and scrolled into view;
// the OCR words lie over the image, and clicking one puts its text into the focused field (Shift
// adds it to the text there). A mouse press here never takes the focus from the field.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Document, FieldSource, Word } from '../../shared/document.js';
import type { PageRecord } from '../../shared/views.js';
import { useApp, useCommand } from '../app/app-context.js';
import { clampZoom, displayBox, fitWidthScale, imageTransform, nextRotation, scrollToBox, shownSize, stepZoom, unionBox, zoomAround, type Rotation } from './page-geometry.js';

export interface PageViewerProps {
  filingId: number;
  pages: readonly PageRecord[];
  page: number;
  onPage(page: number): void;
  words: Document | null;
  outline: FieldSource | null;
  onPickWord(text: string, append: boolean): void;
}

/** Zoom settings carry over from one filing to the next, as an analyst sets them once. */
const remembered: { fit: boolean; zoom: number } = { fit: true, zoom: 0.5 };
const PADDING = 16;
const DRAG_THRESHOLD = 4;

export function PageViewer({ filingId, pages, page, onPage, words, outline, onPickWord }: PageViewerProps) {
  const { api } = useApp();
  const scroller = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(remembered.fit);
  const [zoom, setZoom] = useState(remembered.zoom);
  const [rotation, setRotation] = useState<Rotation>(0);
  // Unknown until the layout effect measures the viewer: the page and its words are laid out once, at their real size.
  const [available, setAvailable] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; moved: boolean } | null>(null);

  const record = pages.find((item) => item.number === page) ?? null;
  const size = record === null ? null : { width: record.width, height: record.height };
  const scale = size === null ? 1 : fit ? fitWidthScale((available ?? 0) - PADDING * 2, size, rotation) : zoom;
  const shown = size === null ? null : shownSize(size, scale, rotation);
  const imageUrl = record?.image === null || record === null ? null : api.pageImageUrl(filingId, page);

  useEffect(() => {
    remembered.fit = fit;
    remembered.zoom = zoom;
  }, [fit, zoom]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const observer = new ResizeObserver(() => setAvailable(element.clientWidth));
    observer.observe(element);
    setAvailable(element.clientWidth);
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
  const outlineBox = outline !== null && outline.page === page && size !== null ? unionBox(outline.boxes) : null;
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
  useCommand('page.next', () => (page < pages.length ? onPage(page + 1) : false));
  useCommand('page.previous', () => (page > 1 ? onPage(page - 1) : false));

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
        <button type="button" className="icon-button" tabIndex={-1} title="Previous page (Alt+PageUp)" data-testid="page-previous" disabled={page <= 1} onClick={() => onPage(page - 1)}>
          ‹
        </button>
        <select className="select small" tabIndex={-1} aria-label="Page" data-testid="page-select" value={page} onChange={(event) => onPage(Number(event.target.value))} disabled={pages.length <= 1}>
          {pages.length === 0 ? <option value={page}>no pages</option> : null}
          {pages.map((item) => (
            <option key={item.number} value={item.number}>
              Page {item.number} of {pages.length}
            </option>
          ))}
        </select>
        <button type="button" className="icon-button" tabIndex={-1} title="Next page (Alt+PageDown)" data-testid="page-next" disabled={page >= pages.length} onClick={() => onPage(page + 1)}>
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
            <WordLayer words={words} page={page} width={size.width} height={size.height} scale={scale} rotation={rotation} onPick={pick} />
            {shownOutline === null ? null : (
              <div className="source-outline" data-testid="source-outline" style={{ left: shownOutline.x - 3, top: shownOutline.y - 3, width: shownOutline.width + 6, height: shownOutline.height + 6 }} />
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
}

/**
 * The OCR words over the image, clickable. Hundreds of spans: kept apart so the image loading or
 * the outline moving does not render them again.
 */
const WordLayer = memo(function WordLayer({ words, page, width, height, scale, rotation, onPick }: { words: Document | null; page: number; width: number; height: number; scale: number; rotation: Rotation; onPick(text: string, append: boolean): void }) {
  const pageWords: Word[] = words?.pages.find((item) => item.number === page)?.lines.flatMap((line) => line.words) ?? [];
  return pageWords
    .filter((word) => word.box !== null)
    .map((word, index) => {
      const box = displayBox(word.box!, { width, height }, scale, rotation);
      return (
        <span
          key={index}
          className="page-word"
          data-testid="page-word"
          title={`${word.text} (${Math.round(word.confidence)})`}
          style={{ left: box.x, top: box.y, width: box.width, height: box.height }}
          onClick={(event) => onPick(word.text, event.shiftKey)}
        />
      );
    });
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
