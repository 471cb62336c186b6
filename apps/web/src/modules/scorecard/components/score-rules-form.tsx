import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Col, Descriptions, Form, InputNumber, Row, Space, Typography } from 'antd';
import type { ScoreRulesInput } from '../../../generated/graphql';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { ScoreRulesQuery } from '../graphql/score-rules.query';
import { UpdateScoreRulesMutation } from '../graphql/update-score-rules.mutation';

type Field = keyof Omit<ScoreRulesInput, '__typename'>;
const FIELDS: { name: Field; label: string; help: string; min?: number; max?: number }[] = [
  { name: 'base', label: '基础分', help: '每个单位的起始分', min: 0, max: 1000 },
  { name: 'minScore', label: '最低分', help: '扣分后不低于此分', min: 0, max: 1000 },
  { name: 'leadWeight', label: '牵头任务扣分倍数', help: '牵头任务的扣分乘以此数', min: 0, max: 10 },
  { name: 'bonusPerOnTime', label: '按时完成加分（每项）', help: '≥ 0', min: 0, max: 100 },
  { name: 'perOverdueTask', label: '逾期未完成扣分（每项）', help: '≤ 0', min: -100, max: 0 },
  { name: 'perLateTask', label: '逾期完成扣分（每项）', help: '≤ 0', min: -100, max: 0 },
  { name: 'perLateReport', label: '逾期报送扣分（每次）', help: '≤ 0', min: -100, max: 0 },
  { name: 'perReturnedReport', label: '报送被退回扣分（每次）', help: '≤ 0', min: -100, max: 0 },
  { name: 'perRefusedDelay', label: '延期未获批扣分（每次）', help: '≤ 0', min: -100, max: 0 },
  { name: 'perUrge', label: '被催办扣分（每次）', help: '≤ 0', min: -100, max: 0 },
  { name: 'perRectificationOpen', label: '整改未完成扣分（每项）', help: '≤ 0', min: -100, max: 0 },
];

/** 计分规则: the tenant's weights; only the office admin may change them, everyone may read them. */
export function ScoreRulesForm({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreRulesInput>();
  const { data, loading, error, refetch } = useQuery(ScoreRulesQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateScoreRulesMutation, { refetchQueries: ['Scorecard'] });
  if (loading && !data) return <PageLoading rows={8} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const rules = data.scoreRules;

  if (!editable)
    return (
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
        {FIELDS.map((f) => (
          <Descriptions.Item key={f.name} label={f.label}>
            {rules[f.name as keyof typeof rules] as number}
          </Descriptions.Item>
        ))}
      </Descriptions>
    );

  const save = async (values: ScoreRulesInput) => {
    try {
      await update({ variables: { rules: values, version: rules.version } });
      message.success('计分规则已保存，考核结果已按新规则重新计算');
    } catch {
      // shown by the link
    }
  };
  return (
    <Form<ScoreRulesInput>
      form={form}
      layout="vertical"
      aria-label="计分规则"
      key={rules.version}
      initialValues={Object.fromEntries(FIELDS.map((f) => [f.name, rules[f.name as keyof typeof rules]]))}
      onFinish={(v) => void save(v)}
    >
      <Row gutter={16}>
        {FIELDS.map((f) => (
          <Col key={f.name} xs={24} sm={12} lg={8}>
            <Form.Item name={f.name} label={f.label} extra={f.help} rules={[{ required: true, message: `请填写${f.label}` }]}>
              <InputNumber aria-label={f.label} min={f.min} max={f.max} step={0.5} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存计分规则
        </Button>
        <Button onClick={() => form.resetFields()}>还原</Button>
        <Typography.Text type="secondary">保存后考核排名立即按新规则计算。</Typography.Text>
      </Space>
    </Form>
  );
}
