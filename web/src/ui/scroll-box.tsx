import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** True while the element's content is wider than the element (it scrolls sideways). */
function useOverflows<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const check = () => setOverflows(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    return () => observer.disconnect();
  });
  return { ref, overflows };
}

/**
 * A box that scrolls sideways inside the page (a wide table on a phone or
 * with large text) instead of widening it. While it does scroll it is a named
 * region in the tab order, so a keyboard can scroll it too, and `hint` says so.
 */
export function ScrollBox({ label, hint, children }: { label: string; hint?: string; children: ReactNode }) {
  const { ref, overflows } = useOverflows<HTMLDivElement>();
  const id = useId();
  return (
    <>
      {overflows && hint && <p className="hint" id={id}>{hint}</p>}
      <div className="table-scroll" ref={ref} role={overflows ? 'region' : undefined} aria-label={overflows ? label : undefined}
        aria-describedby={overflows && hint ? id : undefined} tabIndex={overflows ? 0 : undefined}>
        {children}
      </div>
    </>
  );
}
