import { useEffect, useRef, useState, type ReactNode } from 'react';
import { usePhone } from '../../common/hooks/use-phone';

// A home page's task table on a wide screen (antd's middle size, a key point's title on two lines).
const HEAD_HEIGHT = 47;
const ROW_HEIGHT = 66;

/**
 * Keeps the room of the rows a task list will show until its table is drawn (`rows`: what the counts
 * above say it will hold, at most a page), so the cards below it are not pushed down when the rows
 * arrive. The table's code can arrive after the data: the room is kept until the table itself is in the
 * page, then it is the table's own height (rows on one line on a wide screen are shorter). A phone draws
 * cards of another height and gets no reserve.
 */
export function ReservedTaskList({ loading, rows, children }: { loading: boolean; rows: number; children: ReactNode }) {
  const phone = usePhone();
  const inner = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(false);
  useEffect(() => {
    const element = inner.current;
    if (drawn || loading || !element) return;
    const check = () => element.querySelector('.ant-table') && setDrawn(true);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn, loading]);
  const minHeight = !drawn && !phone && rows > 0 ? HEAD_HEIGHT + rows * ROW_HEIGHT : undefined;
  return (
    <div style={{ minHeight }}>
      <div ref={inner}>{children}</div>
    </div>
  );
}
