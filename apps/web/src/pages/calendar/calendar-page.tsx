import { palette } from '../../app/theme';
import { useMutation, useQuery } from '@apollo/client/react';
import { CheckCircleOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { DayEditor, type DayEditorValues } from '../../modules/calendar/components/day-editor';
import { HolidayNoticeModal } from '../../modules/calendar/components/holiday-notice-modal';
import { RangeEditorModal } from '../../modules/calendar/components/range-editor-modal';
import { YearGrid } from '../../modules/calendar/components/year-grid';
import { CalendarCoverageQuery } from '../../modules/calendar/graphql/calendar-coverage.query';
import { CalendarYearQuery } from '../../modules/calendar/graphql/calendar-year.query';
import { ConfirmCalendarYearMutation } from '../../modules/calendar/graphql/confirm-calendar-year.mutation';
import { RemoveCalendarCorrectionMutation } from '../../modules/calendar/graphql/remove-calendar-correction.mutation';
import { SetCalendarDayMutation } from '../../modules/calendar/graphql/set-calendar-day.mutation';
import type { CalendarDayData } from '../../modules/calendar/utils/calendar-grid';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';

const AFTER_CHANGE = ['CalendarYear', 'CalendarCoverage'];

/** 工作日历: the year's working days, the office's corrections, and the confirmation that it was checked. */
export default function CalendarPage() {
  usePageTitle('工作日历');
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || dayjs().year();
  const [selected, setSelected] = useState<CalendarDayData | null>(null);
  const [pasting, setPasting] = useState(false);
  const [ranging, setRanging] = useState(false);
  const { data, loading, error, refetch } = useQuery(CalendarYearQuery, {
    variables: { year },
    fetchPolicy: 'cache-and-network',
  });
  const coverage = useQuery(CalendarCoverageQuery, { fetchPolicy: 'cache-and-network' });
  const [setDay, { loading: saving }] = useMutation(SetCalendarDayMutation, {
    refetchQueries: AFTER_CHANGE,
    awaitRefetchQueries: true,
  });
  const [removeCorrection] = useMutation(RemoveCalendarCorrectionMutation, {
    refetchQueries: AFTER_CHANGE,
    awaitRefetchQueries: true,
  });
  const [confirmYear, { loading: confirming }] = useMutation(ConfirmCalendarYearMutation, {
    refetchQueries: AFTER_CHANGE,
  });
  const cal = data?.calendarYear;
  const uncovered = (coverage.data?.calendarCoverage ?? []).filter((c) => !c.covered);
  const corrections = cal?.days.filter((d) => d.source === 'TENANT_CORRECTION') ?? [];

  const goYear = (y: number) => {
    setSelected(null);
    setParams({ year: String(y) });
  };
  const save = async (v: DayEditorValues) => {
    if (!selected) return;
    try {
      await setDay({
        variables: {
          input: { date: selected.date, workday: v.workday, note: v.note, version: selected.correctionVersion ?? null },
        },
      });
      message.success(`已将 ${selected.date} 设为${v.workday ? '上班' : '放假'}`);
      setSelected(null);
    } catch {
      // shown by the link
    }
  };
  const clear = async () => {
    if (!selected?.correctionVersion) return;
    try {
      await removeCorrection({ variables: { date: selected.date, version: selected.correctionVersion } });
      message.success(`已清除 ${selected.date} 的修正`);
      setSelected(null);
    } catch {
      // shown by the link
    }
  };
  const confirm = () =>
    modal.confirm({
      title: `确认${year}年日历？`,
      content: '请先对照国务院办公厅当年的放假通知逐日核对（含调休上班日）。确认后，期限和逾期按此日历计算。',
      okText: '确认本年日历',
      cancelText: '取消',
      onOk: async () => {
        try {
          await confirmYear({ variables: { year } });
          message.success(`${year}年日历已确认`);
        } catch {
          // shown by the link
        }
      },
    });

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Space>
          <Typography.Title level={3} style={{ margin: 0 }}>
            工作日历
          </Typography.Title>
          <Button icon={<LeftOutlined />} aria-label="上一年" onClick={() => goYear(year - 1)} />
          <Typography.Text strong style={{ fontSize: 18 }}>
            {year}年
          </Typography.Text>
          <Button icon={<RightOutlined />} aria-label="下一年" onClick={() => goYear(year + 1)} />
        </Space>
        <Space wrap>
          <Button onClick={() => setPasting(true)}>导入放假通知</Button>
          <Button onClick={() => setRanging(true)}>批量修正</Button>
          {cal && (
            <Typography.Text type="secondary">
              全年工作日 {cal.workingDayCount} 天 · 本单位修正 {corrections.length} 天
            </Typography.Text>
          )}
          {cal?.confirmedByOffice ? (
            <Tag icon={<CheckCircleOutlined />} color="success">
              已确认
            </Tag>
          ) : (
            <Button type="primary" onClick={confirm} loading={confirming} disabled={!cal}>
              确认本年日历
            </Button>
          )}
        </Space>
      </Space>
      {uncovered.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`以下工作要点年度缺少放假安排：${uncovered.map((c) => `${c.year}年`).join('、')}`}
          description="这些年度只按周末计算休息日，期限和逾期可能不准确。请点击“导入放假通知”粘贴国务院当年的放假通知，或逐日修正节假日和调休上班日后点击“确认本年日历”。"
          action={
            <Space orientation="vertical">
              {uncovered.map((c) => (
                <Button key={c.year} size="small" onClick={() => goYear(c.year)}>
                  查看{c.year}年
                </Button>
              ))}
            </Space>
          }
        />
      )}
      {cal && !cal.covered && !uncovered.some((c) => c.year === year) && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${year}年尚无放假通知数据，目前只按周末计算休息日。`}
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">图例：</Typography.Text>
        <Tag color="green">休 法定节假日</Tag>
        <Tag color="red">班 调休上班</Tag>
        <Tag style={{ borderStyle: 'dashed', borderColor: palette.blue }}>虚线框 本单位修正</Tag>
        <Typography.Text type="secondary">点击日期可修改</Typography.Text>
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : loading && !cal ? (
        <PageLoading rows={12} />
      ) : cal ? (
        <Card size="small">
          <YearGrid year={year} days={cal.days} selected={selected?.date} onSelect={setSelected} />
        </Card>
      ) : null}
      <HolidayNoticeModal
        open={pasting}
        year={year}
        onClose={(saved) => {
          setPasting(false);
          if (saved && saved !== year) goYear(saved);
        }}
      />
      <RangeEditorModal open={ranging} onClose={() => setRanging(false)} />
      <Modal open={!!selected} title="修改日期" footer={null} onCancel={() => setSelected(null)} destroyOnHidden>
        {selected && (
          <DayEditor day={selected} saving={saving} onSave={save} onClear={clear} onCancel={() => setSelected(null)} />
        )}
      </Modal>
    </>
  );
}
