import { Skeleton } from 'antd';

/** Placeholder while a page's code or first data arrives: the page's shape, not a spinner. */
export function PageLoading({ rows = 6 }: { rows?: number }) {
  return (
    <div style={{ padding: 24 }} aria-busy="true" aria-label="加载中">
      <Skeleton active title paragraph={{ rows }} />
    </div>
  );
}
