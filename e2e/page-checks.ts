import type { Page } from 'playwright-core';

/**
 * What breaks on the screen with the text at 200 % (WCAG 1.4.4; `scale`
 * '100%' checks the page as it is): the page wider than the screen or content
 * past its edges (named), and controls that run off the screen or whose text
 * overflows their box. The root font size is set to the scale (every size in
 * the CSS is in rem or em, so this is what a reader's larger default text
 * does), measured, and set back. Content inside a box that scrolls sideways
 * on purpose (a wide table) only needs its box to fit.
 */
export async function textZoomProblems(page: Page, options: { scale?: string; screenshot?: string } = {}): Promise<string[]> {
  const before = await page.evaluate(async (size) => {
    const root = document.documentElement;
    const previous = root.style.fontSize;
    root.style.fontSize = size;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return previous;
  }, options.scale ?? '200%');
  if (options.screenshot) await page.screenshot({ path: options.screenshot, fullPage: true });
  return page.evaluate((previous) => {
    const root = document.documentElement;
    const name = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}${id}${cls}> "${text}"`;
    };
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX);
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const problems: string[] = [];
    // The layout viewport: on a phone the browser zooms out to show a page wider than the screen, so innerWidth grows with the overflow.
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const inScroller = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) if (scrolls(p)) return p;
      return null;
    };
    // Positions are measured against the page's own box (the screen's width), which the browser may have scrolled or zoomed out.
    const frame = root.getBoundingClientRect();
    const sticksOut = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.left < frame.left - 1 || r.right > frame.left + width + 1;
    };
    // What runs past the screen's edges, outside any box that scrolls sideways on purpose: a box past an edge, or the
    // content of a box that spills out of it (a line that cannot wrap) past an edge. Past the end edge of a right-to-left
    // page nothing can scroll to it, so it is looked for even when the page does not scroll.
    const innermost = (out: (el: Element) => boolean) => [...document.body.querySelectorAll('*')].filter((el) => out(el) && ![...el.querySelectorAll('*')].some(out));
    const sticking = innermost((el) => shown(el) && sticksOut(el) && !inScroller(el));
    const spilling = innermost((el) => {
      if (!shown(el) || inScroller(el) || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) || el.clientWidth === 0) return false;
      const style = getComputedStyle(el);
      if (style.overflowX !== 'visible' || el.scrollWidth <= el.clientWidth + 1) return false;
      const r = el.getBoundingClientRect();
      return style.direction === 'rtl' ? r.right - el.scrollWidth < frame.left - 1 : r.left + el.scrollWidth > frame.left + width + 1;
    });
    const culprits = [...new Set([...sticking, ...spilling])];
    if (scrollWidth > width + 1 || culprits.length > 0) {
      problems.push(`content runs past the screen's edge (the page ${scrollWidth} px, the screen ${width} px): ${culprits.slice(0, 6).map(name).join(', ')}`);
      root.style.fontSize = previous;
      return problems; // every control would be reported as off the screen: fix this first
    }
    for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex="0"]')) {
      if (!shown(el) || scrolls(el)) continue; // a box that scrolls on purpose only needs to fit (checked with what it holds)
      const box = inScroller(el) ?? el;
      if (sticksOut(box)) {
        const r = box.getBoundingClientRect();
        problems.push(`${name(box)} runs off the screen (${Math.round(r.left - frame.left)}…${Math.round(r.right - frame.left)} px)`);
      }
      else if (!['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} clips or overflows its text (${el.scrollWidth} px in ${el.clientWidth} px)`);
      }
    }
    root.style.fontSize = previous;
    return [...new Set(problems)];
  }, before);
}

/** The page's language and direction as <html> declares them. */
export async function pageLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}
