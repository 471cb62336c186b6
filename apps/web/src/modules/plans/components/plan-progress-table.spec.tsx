import { render, screen } from '@testing-library/react';
import { PlanProgressTable, type ProgressSection } from './plan-progress-table';

const section = (id: string, label: string, title: string, keyPoint: string): ProgressSection => ({
  sectionId: id,
  label,
  title,
  keyPoints: [
    {
      keyPointId: `${id}-k`,
      label: '(一)',
      title: keyPoint,
      parentId: null,
      dueDate: '2026-12-31',
      // No tasks: the row cannot be opened, so no query is made.
      taskCount: 0,
      averageProgress: null,
      leadUnitIds: [],
      byLight: [],
      byStatus: [],
    },
  ],
});

const sections = [
  section('s1', '一', '推进政策公开', '做好政策解读'),
  section('s2', '二', '回应社会关切', '办好政府网站'),
];

describe('PlanProgressTable', () => {
  it('draws one section at a time when asked, the next once the browser is free', async () => {
    render(<PlanProgressTable sections={sections} oneSectionAtATime />);
    expect(screen.getByRole('region', { name: '一、推进政策公开' })).toHaveTextContent('做好政策解读');
    expect(screen.queryByRole('region', { name: '二、回应社会关切' })).toBeNull();
    expect(await screen.findByRole('region', { name: '二、回应社会关切' })).toHaveTextContent('办好政府网站');
  });

  it('draws every section at once by default', () => {
    render(<PlanProgressTable sections={sections} />);
    expect(screen.getAllByRole('region')).toHaveLength(2);
  });
});
