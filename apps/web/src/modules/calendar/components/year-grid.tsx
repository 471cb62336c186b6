import { palette } from '../../../app/theme';
import { theme, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { dayMark, describeDay, monthWeeks, type CalendarDayData } from '../utils/calendar-grid';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** Twelve month grids; holidays show 休, 调休 working weekends 班, the office's corrections a blue ring. */
export const YearGrid = memo(function YearGrid({
  year,
  days,
  selected,
  onSelect,
}: {
  year: number;
  days: CalendarDayData[];
  selected?: string | null;
  onSelect: (day: CalendarDayData) => void;
}) {
  const { token } = theme.useToken();
  const byDate = useMemo(() => new Map(days.map((d) => [d.date, d])), [days]);
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))', gap: 16 }}>
      {Array.from({ length: 12 }, (_, month) => (
        <section
          key={month}
          aria-label={`${month + 1}月`}
          style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: 8, padding: 8 }}
        >
          <Typography.Text strong style={{ display: 'block', textAlign: 'center', marginBottom: 4 }}>
            {month + 1}月
          </Typography.Text>
          <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
            <thead>
              <tr>
                {WEEKDAYS.map((w, i) => (
                  <th
                    key={w}
                    style={{
                      fontWeight: 400,
                      fontSize: 12,
                      color: i >= 5 ? token.colorError : token.colorTextSecondary,
                    }}
                  >
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthWeeks(year, month, byDate).map((week, i) => (
                <tr key={i}>
                  {week.map((day, j) => (
                    <td key={j} style={{ padding: 1, textAlign: 'center' }}>
                      {day && <DayCell day={day} selected={selected === day.date} onSelect={onSelect} />}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
});

function DayCell({
  day,
  selected,
  onSelect,
}: {
  day: CalendarDayData;
  selected: boolean;
  onSelect: (day: CalendarDayData) => void;
}) {
  const { token } = theme.useToken();
  const mark = dayMark(day);
  const corrected = day.source === 'TENANT_CORRECTION';
  const background =
    mark === 'rest'
      ? '#f6ffed'
      : mark === 'work'
        ? '#fff1f0'
        : !day.isWorkingDay
          ? token.colorFillQuaternary
          : 'transparent';
  return (
    <button
      type="button"
      onClick={() => onSelect(day)}
      title={describeDay(day)}
      // The name starts with what the cell shows (day number and 休/班 mark), so speech input can target it.
      aria-label={`${Number(day.date.slice(8))}${mark ? (mark === 'rest' ? '休' : '班') : ''} ${describeDay(day)}`}
      aria-pressed={selected}
      data-date={day.date}
      style={{
        position: 'relative',
        width: '100%',
        height: 30,
        border: selected
          ? `2px solid ${token.colorPrimary}`
          : corrected
            ? `1px dashed ${token.colorPrimary}`
            : '1px solid transparent',
        borderRadius: 4,
        background,
        cursor: 'pointer',
        color: day.isWorkingDay ? token.colorText : token.colorTextTertiary,
        fontSize: 13,
        padding: 0,
      }}
    >
      {Number(day.date.slice(8))}
      {mark && (
        <span
          style={{
            position: 'absolute',
            top: -1,
            right: 1,
            fontSize: 9,
            lineHeight: '12px',
            color: mark === 'rest' ? palette.green : palette.red,
          }}
        >
          {mark === 'rest' ? '休' : '班'}
        </span>
      )}
    </button>
  );
}
