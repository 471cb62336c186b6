import { robotAnnouncement, type TaskFacts } from '../events/event-text.js';

const task = (id: string, title: string): TaskFacts => ({
  id,
  unitId: 'u1',
  unitName: '市交通运输局',
  title,
  planTitle: '2026年政务公开工作要点',
  dueDate: '2026-06-30',
  progress: 40,
});

describe('group robot announcements', () => {
  it('link each urged task to /tasks/<id> under PUBLIC_URL', () => {
    const urge = robotAnnouncement(
      'URGE',
      [task('t-1', '推进[重大]项目公开')],
      { text: '请周五前报送' },
      'https://d.gov.cn',
    );
    expect(urge!.markdown).toContain(
      '- **市交通运输局**：[推进［重大］项目公开](https://d.gov.cn/tasks/t-1)（时限 2026-06-30',
    );
  });

  it('send units to their task list when tasks are assigned', () => {
    const assigned = robotAnnouncement('TASK_ASSIGNED', [task('t-1', '推进公开')], {}, 'https://d.gov.cn');
    expect(assigned!.markdown).toContain('请各单位[登录督办系统](https://d.gov.cn/unit)签收');
  });

  it('name the tasks without links when no PUBLIC_URL is set', () => {
    const urge = robotAnnouncement('URGE', [task('t-1', '推进公开')], {}, null);
    expect(urge!.markdown).toContain('- **市交通运输局**：推进公开（时限');
    expect(urge!.markdown).not.toContain('](');
  });
});
