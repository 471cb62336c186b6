import { render, screen } from '@testing-library/react';
import { MaskedContact } from './masked-contact';

describe('MaskedContact (the 手机 column of 账号管理)', () => {
  it('shows a phone number masked, never whole', () => {
    const { container } = render(<MaskedContact kind="phone" value="13812341234" />);
    expect(screen.getByText('138****1234')).toBeInTheDocument();
    expect(container.innerHTML).not.toContain('13812341234');
  });

  it('shows an e-mail address masked', () => {
    const { container } = render(<MaskedContact kind="email" value="zhangsan@example.com" />);
    expect(screen.getByText('z***@example.com')).toBeInTheDocument();
    expect(container.innerHTML).not.toContain('zhangsan');
  });

  it('shows nothing when there is none', () => {
    const { container } = render(<MaskedContact kind="phone" value={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
