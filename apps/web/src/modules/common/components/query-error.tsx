import { Alert, Button } from 'antd';
import { describeError } from '../utils/app-errors';

/**
 * Where data failed to load: the API's Chinese message, and a way to try again only when trying again
 * can help (the network or the server failed). A malformed id or a missing row stays as it is.
 */
export function QueryError({
  error,
  onRetry,
  title = '加载失败',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const { code, message, extensions } = describeError(error);
  // The API marks refusals that pass by themselves (a deadlock, a switch-over) as retryable.
  const retryable = code === 'NETWORK' || code === 'INTERNAL_SERVER_ERROR' || extensions?.retryable === true;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title}
      description={message}
      action={
        onRetry && retryable ? (
          <Button size="small" onClick={onRetry}>
            重试
          </Button>
        ) : undefined
      }
      style={{ margin: 16 }}
    />
  );
}
