import { MockedProvider } from '@apollo/client/testing/react';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { CalendarCoverageQuery } from '../graphql/calendar-coverage.query';
import { CalendarCoverageAlert } from './calendar-coverage-alert';

function renderWith(coverage: { year: number; covered: boolean }[]) {
  const mocks = [
    {
      request: { query: CalendarCoverageQuery },
      result: { data: { calendarCoverage: coverage.map((c) => ({ __typename: 'CalendarYearCoverage', ...c })) } },
    },
  ];
  return render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <CalendarCoverageAlert />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('CalendarCoverageAlert', () => {
  it('names the plan years the holiday data does not cover', async () => {
    renderWith([
      { year: 2026, covered: true },
      { year: 2027, covered: false },
    ]);
    expect(await screen.findByText('2027 年的法定节假日安排尚未收录，工作日暂按周一至周五计算')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '工作日历' })).toHaveAttribute('href', '/calendar');
  });

  it('says nothing when every plan year is covered', async () => {
    const { container } = renderWith([{ year: 2026, covered: true }]);
    await new Promise((r) => setTimeout(r, 20));
    expect(container.querySelector('[data-testid="calendar-coverage-alert"]')).toBeNull();
  });
});
