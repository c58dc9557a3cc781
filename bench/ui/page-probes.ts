// What the benchmark runs inside the page, installed before the app's own code. Times are taken in
// the page (performance.now(), the input event's timeStamp), not across the Playwright connection,
// so a loaded machine's round trips do not add to them. Plain JavaScript in a string: a function
// handed to addInitScript would be serialized after tsx's transform, with helpers the page lacks.
//
// window.__bench:
//   armUntil(condition): the next keydown or dblclick starts a clock; the first DOM change after it
//     that makes `condition` true stops it; the next frame's rendering done is taken as painted.
//     Returns a promise of { inputToReady, inputToFrame } in ms, or { timedOut }.
//   frames(run): records every animation frame while `run` (async, in the page) goes, and the
//     long animation frames / long tasks the browser reports meanwhile; idle(ms), scrollRun(...)
//     and jump(...) record the frames of an idle stretch, a scripted scroll and a jump of the queue.
export const PAGE_PROBES = String.raw`
(() => {
  const bench = {};
  // After the next frame's style, layout and paint on the main thread: a message posted from that
  // frame's animation callback runs once the frame's rendering is done.
  const afterPaint = (callback) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => callback();
    channel.port2.postMessage(0);
  });
  const conditions = {
    reviewOf: (args) => document.body.dataset.ready === 'review'
      && document.querySelector('[data-testid="review-screen"][data-filing-id="' + args.id + '"]') !== null
      && document.querySelector('img[data-testid="page-image"][data-loaded="true"][src*="/pages/' + args.id + '/"]') !== null,
    reviewAfter: (args) => {
      const screen = document.querySelector('[data-testid="review-screen"][data-filing-id]');
      if (document.body.dataset.ready !== 'review' || screen === null) return false;
      const id = screen.getAttribute('data-filing-id');
      return id !== String(args.from) && document.querySelector('img[data-testid="page-image"][data-loaded="true"][src*="/pages/' + id + '/"]') !== null;
    },
    fieldSaved: (args) => document.querySelector('[data-testid="field-' + args.path + '"]')?.getAttribute('data-state') === 'saved',
    rowsShown: (args) => {
      const scroller = document.querySelector('[data-testid="queue-list"]');
      if (scroller === null) return false;
      const top = Math.floor(scroller.scrollTop / args.rowHeight);
      const rows = Math.floor((scroller.clientHeight - args.headerHeight) / args.rowHeight);
      for (let index = top; index < Math.min(args.total, top + rows); index += 1) {
        if (document.querySelector('[data-testid="queue-row"][data-index="' + index + '"]') === null) return false;
      }
      return true;
    },
  };
  bench.armUntil = (name, args, timeoutMs) => new Promise((resolve) => {
    const check = conditions[name];
    let inputAt = null;
    let met = false;
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      observer.disconnect();
      window.removeEventListener('keydown', onInput, true);
      window.removeEventListener('dblclick', onInput, true);
      clearTimeout(timer);
      resolve(result);
    };
    const test = () => {
      if (inputAt === null || met || !check(args)) return;
      met = true;
      observer.disconnect();
      const readyAt = performance.now();
      afterPaint(() => finish({ inputToReady: readyAt - inputAt, inputToFrame: performance.now() - inputAt }));
    };
    const onInput = (event) => {
      if (inputAt === null) inputAt = event.timeStamp;
    };
    const observer = new MutationObserver(test);
    observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-loaded', 'data-state', 'data-filing-id', 'data-index', 'src'] });
    window.addEventListener('keydown', onInput, true);
    window.addEventListener('dblclick', onInput, true);
    const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs);
  });

  // Starts a clock now (no input event: a jump made by script), stops it like armUntil.
  bench.timeUntil = (name, args, act, timeoutMs) => new Promise((resolve) => {
    const check = conditions[name];
    const startedAt = performance.now();
    let done = false;
    const observer = new MutationObserver(() => {
      if (done || !check(args)) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const readyAt = performance.now();
      afterPaint(() => resolve({ inputToReady: readyAt - startedAt, inputToFrame: performance.now() - startedAt }));
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ timedOut: true });
    }, timeoutMs);
    act();
    if (check(args)) {
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      const readyAt = performance.now();
      afterPaint(() => resolve({ inputToReady: readyAt - startedAt, inputToFrame: performance.now() - startedAt }));
    }
  });

  bench.frames = async (run) => {
    const frames = [];
    const long = [];
    let recording = true;
    const observers = [];
    for (const type of ['long-animation-frame', 'longtask']) {
      if (!(PerformanceObserver.supportedEntryTypes ?? []).includes(type)) continue;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          long.push({ type, duration: entry.duration, blockingDuration: entry.blockingDuration ?? null, scripts: (entry.scripts ?? []).slice(0, 3).map((script) => ({ duration: script.duration, invoker: script.invoker, source: script.sourceFunctionName })), renderStart: entry.renderStart ?? null, styleAndLayoutStart: entry.styleAndLayoutStart ?? null, startTime: entry.startTime });
        }
      });
      observer.observe({ type, buffered: false });
      observers.push(observer);
    }
    const tick = (time) => {
      frames.push(time);
      if (recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const started = performance.now();
    const extra = await run();
    recording = false;
    const elapsed = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    for (const observer of observers) {
      for (const entry of observer.takeRecords()) long.push({ type: entry.entryType, duration: entry.duration, blockingDuration: entry.blockingDuration ?? null, scripts: [], renderStart: null, styleAndLayoutStart: null, startTime: entry.startTime });
      observer.disconnect();
    }
    const deltas = [];
    for (let index = 1; index < frames.length; index += 1) deltas.push(frames[index] - frames[index - 1]);
    return { deltas, long, elapsed, extra, supported: PerformanceObserver.supportedEntryTypes ?? [] };
  };

  // Scrolls the queue by script for durationMs at pxPerSecond (time-based, so a late frame jumps
  // further rather than slowing the scroll), noting on each frame how many rows in view were still
  // placeholders (their page of rows not yet fetched).
  bench.scrollQueue = (durationMs, pxPerSecond, rowHeight, headerHeight) => new Promise((resolve) => {
    const scroller = document.querySelector('[data-testid="queue-list"]');
    const startTop = scroller.scrollTop;
    const max = scroller.scrollHeight - scroller.clientHeight;
    let started = null;
    let framesWithBlanks = 0;
    let frames = 0;
    let direction = 1;
    let position = startTop;
    let last = null;
    const step = (time) => {
      if (started === null) {
        started = time;
        last = time;
      }
      // Rows the user sees now: those the last frame laid out.
      const top = Math.floor(scroller.scrollTop / rowHeight);
      const rows = Math.floor((scroller.clientHeight - headerHeight) / rowHeight);
      const shown = new Set();
      for (const row of scroller.querySelectorAll('[data-testid="queue-row"]')) shown.add(Number(row.getAttribute('data-index')));
      let blank = false;
      for (let index = top; index < top + rows; index += 1) if (!shown.has(index)) blank = true;
      if (frames > 0 && blank) framesWithBlanks += 1;
      frames += 1;
      if (time - started >= durationMs) {
        resolve({ frames, framesWithBlanks, distance: Math.abs(scroller.scrollTop - startTop), rowsPassed: Math.round(Math.abs(position - startTop) / rowHeight) });
        return;
      }
      position += direction * pxPerSecond * (time - last) / 1000;
      last = time;
      if (position >= max) { position = max; direction = -1; }
      if (position <= 0) { position = 0; direction = 1; }
      scroller.scrollTop = position;
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });

  bench.idle = (ms) => bench.frames(() => new Promise((resolve) => setTimeout(resolve, ms)));

  bench.scrollRun = (durationMs, pxPerSecond, rowHeight, headerHeight) => bench.frames(() => bench.scrollQueue(durationMs, pxPerSecond, rowHeight, headerHeight));

  // Jumps the queue to a row by script; the clock runs until the rows in view are real rows, and
  // the frames go on being recorded a little after, to catch work the rows left behind.
  bench.jump = (toRow, rowHeight, headerHeight, total) => bench.frames(async () => {
    const list = document.querySelector('[data-testid="queue-list"]');
    const timing = await bench.timeUntil('rowsShown', { rowHeight, headerHeight, total }, () => {
      list.scrollTop = Math.min(toRow * rowHeight, list.scrollHeight - list.clientHeight);
    }, 30000);
    await new Promise((resolve) => setTimeout(resolve, 250));
    return timing;
  });

  bench.scrollListTo = (top) => {
    document.querySelector('[data-testid="queue-list"]').scrollTop = top;
  };

  window.__bench = bench;
})();
`;
