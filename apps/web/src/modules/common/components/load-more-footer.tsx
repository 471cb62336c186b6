import { Button, Space, Typography } from 'antd';

/** The footer of a cursor-paged list: how many of how many are shown, and 加载更多 while there are more. */
export function LoadMoreFooter({
  shown,
  total,
  unit = '条',
  hasMore,
  loading,
  onMore,
}: {
  shown: number;
  total: number;
  unit?: string;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  return (
    <Space>
      <Typography.Text type="secondary">
        已显示 {shown} / {total} {unit}
      </Typography.Text>
      {hasMore && (
        <Button loading={loading} onClick={onMore}>
          加载更多
        </Button>
      )}
    </Space>
  );
}
