import { pastTimeLimits, type KeyPointDates } from '../publish-warnings.js';

const kp = (id: string, dueDate: string | null, deadlines: KeyPointDates['deadlines'] = []): KeyPointDates => ({
  id,
  label: `${id}.`,
  title: `要点${id}`,
  dueDate,
  deadlines,
});

describe('pastTimeLimits', () => {
  const today = '2026-07-15';

  it('a key point already due, with its time limit as written', () => {
    const out = pastTimeLimits(
      [kp('1', '2026-06-30', [{ text: '6月底前', date: '2026-06-30' }]), kp('2', '2026-09-30')],
      today,
      '2026-12-31',
    );
    expect(out).toEqual([
      { keyPointId: '1', label: '1.', title: '要点1', text: '6月底前', date: '2026-06-30', isDueDate: true },
    ]);
  });

  it('an intermediate time limit already missed while the key point is still open', () => {
    const out = pastTimeLimits(
      [
        kp('3', '2026-09-30', [
          { text: '5月底前完成', date: '2026-05-31' },
          { text: '9月底前报送', date: '2026-09-30' },
          { text: '20个工作日内', date: null },
        ]),
      ],
      today,
      '2026-12-31',
    );
    expect(out).toEqual([
      { keyPointId: '3', label: '3.', title: '要点3', text: '5月底前完成', date: '2026-05-31', isDueDate: false },
    ]);
  });

  it('a key point without a time limit is due on the default date; today itself is not past', () => {
    expect(pastTimeLimits([kp('4', null)], '2026-12-31', '2026-12-31')).toEqual([]);
    expect(pastTimeLimits([kp('4', null)], '2027-01-04', '2026-12-31')).toEqual([
      { keyPointId: '4', label: '4.', title: '要点4', text: null, date: '2026-12-31', isDueDate: true },
    ]);
  });

  it('earliest first', () => {
    const out = pastTimeLimits(
      [kp('a', '2026-06-30'), kp('b', '2026-03-31'), kp('c', '2026-12-31')],
      today,
      '2026-12-31',
    );
    expect(out.map((x) => x.keyPointId)).toEqual(['b', 'a']);
  });
});
