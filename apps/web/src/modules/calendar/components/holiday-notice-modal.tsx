import { useMutation } from '@apollo/client/react';
import { Alert, App, Button, Input, InputNumber, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { ImportHolidayNoticeMutation } from '../../../generated/graphql';
import { errorMessage } from '../../common/utils/app-errors';
import { ImportHolidayNoticeMutation as ImportNotice } from '../graphql/import-holiday-notice.mutation';

type Reading = ImportHolidayNoticeMutation['importHolidayNotice'];

/**
 * 导入放假通知: paste the State Council's 部分节假日安排 notice, see every day it gives (days off and
 * 调休上班) and which of them change the calendar, then save the year in one go.
 */
export function HolidayNoticeModal({
  open,
  year,
  onClose,
}: {
  open: boolean;
  year: number;
  onClose: (savedYear?: number) => void;
}) {
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [givenYear, setGivenYear] = useState<number | null>(null);
  const [reading, setReading] = useState<Reading | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [run, { loading }] = useMutation(ImportNotice, {
    context: { quiet: true },
    refetchQueries: ['CalendarYear', 'CalendarCoverage'],
    awaitRefetchQueries: true,
  });
  const read = async (dryRun: boolean) => {
    setProblem(null);
    try {
      const { data } = await run({ variables: { input: { text, year: givenYear, dryRun } } });
      if (!data) return;
      setReading(data.importHolidayNotice);
      if (!dryRun) {
        message.success(`已保存${data.importHolidayNotice.year}年的放假安排，并确认本年日历`);
        close(data.importHolidayNotice.year);
      }
    } catch (error) {
      setProblem(errorMessage(error));
    }
  };
  const close = (saved?: number) => {
    setText('');
    setReading(null);
    setProblem(null);
    onClose(saved);
  };
  const off = reading?.days.filter((d) => !d.workday).length ?? 0;
  const on = reading?.days.filter((d) => d.workday).length ?? 0;
  return (
    <Modal
      open={open}
      title="导入国务院放假通知"
      width={760}
      onCancel={() => close()}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => close()}>取消</Button>
          <Button onClick={() => void read(true)} loading={loading && !reading} disabled={!text.trim()}>
            预览
          </Button>
          <Button type="primary" disabled={!reading} loading={loading && !!reading} onClick={() => void read(false)}>
            保存{reading ? `${reading.year}年` : ''}放假安排
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        打开中国政府网《国务院办公厅关于{year + 1}
        年部分节假日安排的通知》，复制标题和“一、元旦：……”起的各条，粘贴到下面。系统读出放假日和调休上班日，预览确认后保存到本单位日历。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="放假通知全文"
        rows={8}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setReading(null);
        }}
        placeholder={
          '国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日（周日）放假，共3天。\n二、春节：……'
        }
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text type="secondary">年份（通知中没有写明时填写）：</Typography.Text>
        <InputNumber
          aria-label="年份"
          min={2000}
          max={2100}
          value={givenYear}
          onChange={(v) => setGivenYear(v)}
          placeholder={String(year + 1)}
        />
      </Space>
      {problem && <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={problem} />}
      {reading && (
        <div style={{ marginTop: 12 }}>
          <Alert
            type="info"
            showIcon
            title={`${reading.year}年：放假 ${off} 天，调休上班 ${on} 天（${reading.days.filter((d) => d.changes).length} 天与当前日历不同）`}
          />
          {reading.warnings.map((w) => (
            <Alert key={w} type="warning" showIcon style={{ marginTop: 8 }} title={w} />
          ))}
          <Table
            rowKey="date"
            size="small"
            style={{ marginTop: 8 }}
            dataSource={reading.days}
            pagination={false}
            scroll={{ y: 300 }}
            aria-label="通知中的日期"
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              {
                title: '安排',
                dataIndex: 'workday',
                width: 100,
                render: (w: boolean) => (w ? <Tag color="red">调休上班</Tag> : <Tag color="green">放假</Tag>),
              },
              { title: '节日', dataIndex: 'note' },
              {
                title: '',
                dataIndex: 'changes',
                width: 120,
                render: (c: boolean) =>
                  c ? (
                    <Tag color="blue">将修改日历</Tag>
                  ) : (
                    <Typography.Text type="secondary">与日历一致</Typography.Text>
                  ),
              },
            ]}
          />
        </div>
      )}
    </Modal>
  );
}
