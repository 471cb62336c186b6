import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import { QueryError } from './query-error';

const apiError = (code: string, message: string, extensions: Record<string, unknown> = {}) =>
  new CombinedGraphQLErrors({ errors: [{ message, extensions: { code, ...extensions } }] });

describe('QueryError', () => {
  it('offers 重试 only when trying again can help', () => {
    const retry = vi.fn();
    const { unmount } = render(<QueryError error={new TypeError('Failed to fetch')} onRetry={retry} />);
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeInTheDocument();
    unmount();
    // A malformed task link: "编号格式不正确" does not go away by asking again.
    render(<QueryError error={apiError('BAD_USER_INPUT', '编号格式不正确')} onRetry={retry} />);
    expect(screen.getByText('编号格式不正确')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers 重试 for a conflict the API marks retryable (a deadlock between two saves), not for an edit conflict', () => {
    const retry = vi.fn();
    const { unmount } = render(
      <QueryError
        error={apiError('CONFLICT', '与他人同时进行的操作相互等待，未能保存，请重试', { retryable: true })}
        onRetry={retry}
      />,
    );
    expect(screen.getByRole('button', { name: /重\s*试/ })).toBeInTheDocument();
    unmount();
    render(<QueryError error={apiError('CONFLICT', '数据已被他人修改，请刷新后重试')} onRetry={retry} />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
