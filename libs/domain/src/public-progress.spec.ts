import { publicKeyPointState, publicTaskState } from './public-progress.js';

const TODAY = '2026-07-01';
const task = (over: Partial<Parameters<typeof publicTaskState>[0]> = {}) =>
  publicTaskState(
    { status: 'IN_PROGRESS', dueDate: '2026-12-31', delayApproved: false, completedOn: null, ...over },
    TODAY,
  );

describe('publicTaskState', () => {
  it('is 推进中 before the time limit, whatever the internal status short of acceptance', () => {
    for (const status of ['NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'RETURNED'] as const)
      expect(task({ status }).state).toBe('IN_PROGRESS');
  });

  it('is 已完成 with the completion date once the office accepted it, also when it was late', () => {
    expect(task({ status: 'DONE', dueDate: '2026-03-31', completedOn: '2026-04-10' })).toEqual({
      state: 'DONE',
      dueDate: '2026-03-31',
      delayedTo: null,
      completedOn: '2026-04-10',
    });
    expect(task({ status: 'CLOSED', completedOn: '2026-05-01' }).state).toBe('DONE');
  });

  it('is 已逾期 the day after its time limit, and a delay past its new date is overdue too', () => {
    expect(task({ dueDate: TODAY }).state).toBe('IN_PROGRESS');
    expect(task({ dueDate: '2026-06-30' }).state).toBe('OVERDUE');
    expect(task({ dueDate: '2026-06-30', delayApproved: true }).state).toBe('OVERDUE');
  });

  it('is 已延期 with the approved date while that date is ahead', () => {
    expect(task({ dueDate: '2026-09-30', delayApproved: true })).toMatchObject({
      state: 'DELAYED',
      delayedTo: '2026-09-30',
    });
  });
});

describe('publicKeyPointState', () => {
  const done = (completedOn: string) => task({ status: 'DONE', completedOn });
  it('is done only when every unit is, on the last unit’s day', () => {
    expect(publicKeyPointState([done('2026-03-01'), done('2026-05-02')])).toMatchObject({
      state: 'DONE',
      completedOn: '2026-05-02',
    });
    expect(publicKeyPointState([done('2026-03-01'), task()]).state).toBe('IN_PROGRESS');
  });

  it('is overdue when any unit is, delayed (to the latest date) when any unit has an approved delay', () => {
    expect(
      publicKeyPointState([
        task(),
        task({ dueDate: '2026-06-01' }),
        task({ dueDate: '2026-08-01', delayApproved: true }),
      ]).state,
    ).toBe('OVERDUE');
    expect(
      publicKeyPointState([
        task(),
        task({ dueDate: '2026-08-01', delayApproved: true }),
        task({ dueDate: '2026-09-01', delayApproved: true }),
      ]),
    ).toMatchObject({
      state: 'DELAYED',
      delayedTo: '2026-09-01',
    });
  });

  it('has no units yet: 推进中', () => {
    expect(publicKeyPointState([]).state).toBe('IN_PROGRESS');
  });
});
