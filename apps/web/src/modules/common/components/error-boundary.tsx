import { Alert, Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the path) clears a caught error, so navigating away recovers. */
  resetKey?: unknown;
}

interface State {
  error: Error | null;
}

/** A crash in one page shows a Chinese message instead of a blank screen. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  componentDidUpdate(prev: Props) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    // A new deployment replaces the hashed chunks a long-open tab still asks for.
    const staleChunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      this.state.error.message,
    );
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        style={{ margin: 24 }}
        title={staleChunk ? '系统已更新' : '页面出错了'}
        description={staleChunk ? '请刷新页面以加载新版本。' : '请刷新页面重试；如果问题仍然存在，请联系系统管理员。'}
        action={
          <Button type="primary" onClick={() => window.location.reload()}>
            刷新页面
          </Button>
        }
      />
    );
  }
}
