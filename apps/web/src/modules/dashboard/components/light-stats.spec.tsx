import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { StatCards } from './light-stats';
import { RenderWhenSeen } from './render-when-seen';

const items = [
  { key: 'total', title: '任务总数', value: 12, to: '/ledger' },
  { key: 'RED', title: '红灯', value: 3, suffix: '项' },
];

describe('StatCards', () => {
  it('keeps each title and puts a one-line skeleton in the count’s place while loading', () => {
    const { container, rerender } = render(
      <MemoryRouter>
        <StatCards items={items} loading />
      </MemoryRouter>,
    );
    // Titles stay, so the card keeps its two lines; no count is shown (the bench waits for the count).
    expect(screen.getByText('任务总数')).toBeInTheDocument();
    expect(container.querySelector('.ant-statistic-content-value')).toBeNull();
    expect(container.querySelectorAll('.ant-statistic-content .ant-skeleton')).toHaveLength(2);
    // antd's card-wide skeleton (several lines, taller than a count) is not used.
    expect(container.querySelector('.ant-card-loading-content, .ant-card-body > .ant-skeleton')).toBeNull();
    rerender(
      <MemoryRouter>
        <StatCards items={items} />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('stat-total')).toHaveTextContent('12');
    expect(screen.getByTestId('stat-RED')).toHaveTextContent('3项');
    expect(container.querySelector('.ant-skeleton')).toBeNull();
  });
});

describe('RenderWhenSeen', () => {
  it('keeps the room and draws its children once the browser is free', async () => {
    const { container } = render(
      <RenderWhenSeen minHeight={280}>
        <p>落实进度表</p>
      </RenderWhenSeen>,
    );
    expect(screen.queryByText('落实进度表')).toBeNull();
    expect((container.firstChild as HTMLElement).style.minHeight).toBe('280px');
    expect(await screen.findByText('落实进度表')).toBeInTheDocument();
  });
});
