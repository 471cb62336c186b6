import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { render, screen } from '@testing-library/react';
import { QueryError } from './query-error';

const apiError = (code: string, message: string) => new CombinedGraphQLErrors({ errors: [{ message, extensions: { code } }] });

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
});
