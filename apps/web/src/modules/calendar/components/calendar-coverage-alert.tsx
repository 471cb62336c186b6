import { useQuery } from '@apollo/client/react';
import { Alert } from 'antd';
import { Link } from 'react-router';
import { CalendarCoverageQuery } from '../graphql/calendar-coverage.query';

/**
 * On the office home: plan years the holiday data does not cover count working days by weekends
 * only until the office enters that year's 放假/调休 on the calendar page and confirms it.
 */
export function CalendarCoverageAlert() {
  const { data } = useQuery(CalendarCoverageQuery, { fetchPolicy: 'cache-and-network' });
  const years = (data?.calendarCoverage ?? []).filter((c) => !c.covered).map((c) => c.year);
  if (!years.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="calendar-coverage-alert"
      title={`${years.join('、')} 年的法定节假日安排尚未收录，工作日暂按周一至周五计算`}
      description={
        <span>
          请在 <Link to="/calendar">工作日历</Link>{' '}
          中录入国务院办公厅公布的放假和调休安排并确认，红黄灯和催办时间将随之校正。
        </span>
      }
    />
  );
}
