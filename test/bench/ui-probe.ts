/**
 * Installed in every page of the bench before the workspace loads (a string: the bundler's
 * helpers do not exist in the page). `window.__bench` acts like a person would (a click, a
 * choice in a select, typing) and tells when the effect is on screen: it watches the DOM
 * with a MutationObserver and stamps the next animation frame after the condition holds —
 * the frame that paints it.
 *
 * A queue change counts as shown when the table went busy (it marks itself so from the
 * render that takes the new view, filter or search) and is no longer, with rows or "No
 * cases" in it: rows of the previous query never pass.
 */
export const UI_PROBE = String.raw`(() => {
  const $ = (s) => document.querySelector(s);
  const table = () => $('table[aria-label="Cases"]');
  let sawBusy = false;
  let firstRowsAt = null;
  let waiting = null;
  const rowsShown = () => {
    const t = table();
    if (!t || t.getAttribute('aria-busy') !== 'false') return false;
    return !!t.querySelector('tbody tr[aria-rowindex]') || !!$('.queue-scroll .empty');
  };
  const conditions = {
    queue: () => sawBusy && rowsShown(),
    dashboard: () => !!$('main[aria-label="Dashboard"] .chart-bar.clickable'),
    row: (i) => {
      const t = table();
      return !!t && t.getAttribute('aria-busy') === 'false' && !!t.querySelector('tbody tr[aria-rowindex="' + (i + 2) + '"]');
    },
    caseShown: (ref) => $('#case-title')?.textContent === ref && !!$('section[aria-label="Conversation"]') && !!$('section[aria-label="Buyer"]'),
    caseFilled: (ref) => {
      if (!conditions.caseShown(ref)) return false;
      const pane = $('section.case-pane');
      if (!pane || pane.textContent.includes('Reading…')) return false;
      // A lead's Assign to list shows each agent's open cases once they are counted.
      const assign = [...pane.querySelectorAll('label')].find((l) => l.textContent.trim() === 'Assign to');
      if (!assign) return true;
      return [...(document.getElementById(assign.htmlFor)?.options ?? [])].some((o) => o.textContent.includes(' open'));
    },
    closed: () => !$('#case-title'),
  };
  const check = () => {
    if (!waiting) return;
    if (!conditions[waiting.kind](waiting.arg)) return;
    const w = waiting;
    waiting = null;
    requestAnimationFrame(() => w.resolve(performance.now()));
  };
  const watch = () => {
    new MutationObserver((records) => {
      for (const r of records)
        if (r.attributeName === 'aria-busy' && (r.oldValue === 'true' || r.target.getAttribute('aria-busy') === 'true')) sawBusy = true;
      if (firstRowsAt === null && rowsShown() && !$('#case-title')) firstRowsAt = performance.now();
      check();
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-busy'] });
  };
  watch();

  const setValue = (el, proto, v, type) => {
    Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, v);
    el.dispatchEvent(new Event(type, { bubbles: true }));
  };
  const byLabel = (text) => {
    const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === text);
    return l && document.getElementById(l.htmlFor);
  };
  const dayBars = (series) => [...document.querySelectorAll('main[aria-label="Dashboard"] .chart-bar.clickable')]
    .filter((b) => (b.getAttribute('aria-label') || '').includes(', ' + series + ':'));
  const rows = () => [...document.querySelectorAll('table[aria-label="Cases"] tbody tr[aria-rowindex]')];
  const actions = {
    view: (name) => [...document.querySelectorAll('nav[aria-label="Views"] a')].find((a) => a.textContent.trim() === name).click(),
    select: ([label, v]) => setValue(byLabel(label), HTMLSelectElement.prototype, v, 'change'),
    search: (text) => setValue($('input.search'), HTMLInputElement.prototype, text, 'input'),
    scroll: (index) => { $('.queue-scroll').scrollTop = index * 36; },
    open: (i) => rows()[i].click(),
    close: () => $('button.close-case').click(),
    // The k-th bar of a series from the right (the latest day first), as a click.
    bar: ([series, k]) => {
      const bars = dayBars(series);
      bars[bars.length - 1 - (k % bars.length)].dispatchEvent(new MouseEvent('click', { bubbles: true }));
    },
    unchip: () => $('ul.filter-chips button').click(),
  };

  /**
   * Scrolls the queue by px on each of n animation frames, as a wheel or trackpad does, and
   * reports the frame intervals and the frames whose top of view had no row in the DOM
   * (blank): what a person sees while scrolling, not one jump.
   */
  const glide = (n, px) => new Promise((resolve) => {
    const el = $('.queue-scroll');
    const gaps = [];
    let blank = 0;
    let prev = performance.now();
    const t0 = prev;
    let i = 0;
    const frame = (t) => {
      if (i > 0) {
        gaps.push(t - prev);
        const top = Math.floor(el.scrollTop / 36);
        if (!table().querySelector('tbody tr[aria-rowindex="' + (top + 2) + '"]')) blank++;
      }
      prev = t;
      if (i++ === n) return resolve({ ms: t - t0, gaps, blank });
      el.scrollTop += px;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });

  window.__bench = {
    glide,
    /** The reference in the i-th row on screen (what opening that row must show; a lead's rows start with a tick box). */
    rowRef: (i) => rows()[i]?.querySelector('td.mono')?.textContent ?? null,
    rowCount: () => rows().length,
    /** How many bars of a series the Dashboard shows. */
    barCount: (series) => dayBars(series).length,
    firstRowsAt: () => firstRowsAt,
    /** Starts watching for a condition; the returned promise gives the time it showed. */
    arm: (kind, arg, timeoutMs = 60000) => {
      sawBusy = false;
      window.__benchDone = new Promise((resolve, reject) => {
        const timer = setTimeout(() => { waiting = null; reject(new Error(kind + ' not shown within ' + timeoutMs + ' ms')); }, timeoutMs);
        waiting = { kind, arg, resolve: (t) => { clearTimeout(timer); resolve(t); } };
      });
      window.__benchDone.catch(() => undefined);
      return performance.now();
    },
    act: (action, arg) => actions[action](arg),
    /** Acts and waits, all in the page: milliseconds from the act to the frame showing it. */
    time: async (action, arg, kind, expect) => {
      const t0 = window.__bench.arm(kind, expect);
      actions[action](arg);
      check();
      return (await window.__benchDone) - t0;
    },
  };
})();`;
