import { Alert, Button } from 'antd';
import { errorMessage } from '../utils/app-errors';

/** Where data failed to load: the API's Chinese message and a way to try again. */
export function QueryError({ error, onRetry, title = '加载失败' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={errorMessage(error)}
      action={onRetry ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
      style={{ margin: 16 }}
    />
  );
}
