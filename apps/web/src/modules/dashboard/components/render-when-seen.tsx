import { startTransition, useEffect, useRef, useState, type ReactNode } from 'react';
import { whenIdle } from '../../common/utils/when-idle';

/**
 * Draws `children` once the box scrolls near the screen or the browser is idle, whichever comes first,
 * in a transition React renders in slices: a long table below the first screen then neither delays nor
 * blocks what is on it. Until then the box keeps `minHeight`, so what follows does not move much.
 */
export function RenderWhenSeen({ minHeight, children }: { minHeight: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (shown) return;
    const show = () => startTransition(() => setShown(true));
    const cancel = whenIdle(show);
    const element = ref.current;
    if (!element || typeof IntersectionObserver === 'undefined') return cancel;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: '200px',
    });
    observer.observe(element);
    return () => {
      cancel();
      observer.disconnect();
    };
  }, [shown]);
  return shown ? children : <div ref={ref} aria-busy="true" style={{ minHeight }} />;
}
