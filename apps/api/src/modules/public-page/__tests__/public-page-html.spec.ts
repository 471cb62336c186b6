import { planPage } from '../public-page-html.js';
import { publicProgress, type SnapshotRows } from '../public-progress.js';

const rows: SnapshotRows = {
  sections: [{ id: 's1', label: '一', title: '加强政策解读' }],
  key_points: [
    { id: 'k1', section_id: 's1', seq: 1, label: '(一)', title: '做好解读', text: '', due_date: '2026-03-31' },
    {
      id: 'k2',
      section_id: 's1',
      seq: 2,
      label: '(二)',
      title: '<script>回应关切</script>',
      text: '',
      due_date: '2026-05-31',
    },
  ],
  tasks: [
    {
      id: 't1',
      key_point_id: 'k1',
      role: 'LEAD',
      unit_name: '省教育厅',
      status: 'DONE',
      due_date: '2026-03-31',
      original_due_date: '2026-03-31',
      completed_on: '2026-03-20',
      delay_approved: false,
    },
    {
      id: 't2',
      key_point_id: 'k2',
      role: 'LEAD',
      unit_name: '省财政厅',
      status: 'IN_PROGRESS',
      due_date: '2026-05-31',
      original_due_date: '2026-05-31',
      completed_on: null,
      delay_approved: false,
    },
  ],
  links: [],
};
const progress = publicProgress(rows, {
  publisher: '测试省',
  plan: { year: 2026, title: '2026年要点', docNumber: null },
  asOf: '2026-07-01',
  snapshotAt: '2026-07-01T00:00:00Z',
});
const rowTags = (html: string) => html.match(/<tr data-state=[A-Z_]+[^>]*>/g) ?? [];

describe('the plan page as HTML', () => {
  it('hides the rows a filter leaves out, so the page filters without JavaScript', () => {
    const html = planPage(progress, '/gk/t/2026', { q: '', section: '', unit: '', state: 'OVERDUE' });
    const tags = rowTags(html);
    expect(tags).toHaveLength(2);
    expect(tags.find((t) => t.includes('data-state=DONE'))).toMatch(/ hidden>$/);
    expect(tags.find((t) => t.includes('data-state=OVERDUE'))).not.toMatch(/ hidden>$/);
    expect(html).toContain('显示 <span id="shown">1</span> 项');
  });

  it('escapes what documents and units wrote', () => {
    const html = planPage(progress, '/gk/t/2026', { q: '', section: '', unit: '', state: '' });
    expect(html).not.toContain('<script>回应关切');
    expect(html).toContain('&#60;script&#62;回应关切');
  });
});
