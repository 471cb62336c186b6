import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Col, Descriptions, Form, InputNumber, Row, Space, Typography } from 'antd';
import type { ScoreRulesInput } from '../../../generated/graphql';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { ScoreRulesQuery } from '../graphql/score-rules.query';
import { UpdateScoreRulesMutation } from '../graphql/update-score-rules.mutation';

type Field = keyof Omit<ScoreRulesInput, '__typename'>;
const LEAD_WEIGHT = {
  name: 'leadWeight' as Field,
  label: '牵头任务计数倍数',
  help: '牵头单位的任务在每一项比率中按此倍数计算（1 到 10）',
};

/**
 * 计分规则: the weight of each rate and how many times a lead task counts. Only the office admin may
 * change them; everyone may read them, with how each rate is computed and how ties are ranked.
 */
export function ScoreRulesForm({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<ScoreRulesInput>();
  const { data, loading, error, refetch } = useQuery(ScoreRulesQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateScoreRulesMutation, { refetchQueries: ['Scorecard'] });
  if (loading && !data) return <PageLoading rows={8} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const rules = data.scoreRules;
  const fields = [
    ...rules.items.map((i) => ({ name: i.rule as Field, label: `${i.label}权重`, help: i.explain })),
    LEAD_WEIGHT,
  ];

  const explanation = (
    <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
      得分 = 100 × Σ（权重 × 比率）÷ Σ权重，只计入有可考核内容的项目（例如还没有到期任务时不计按时完成率），权重为 0
      的项目不计分。
      {rules.tieBreak}
    </Typography.Paragraph>
  );

  if (!editable)
    return (
      <>
        <Descriptions bordered size="small" column={1}>
          {fields.map((f) => (
            <Descriptions.Item key={f.name} label={f.label}>
              {rules[f.name as keyof typeof rules] as number}
              <Typography.Text type="secondary" style={{ marginLeft: 12 }}>
                {f.help}
              </Typography.Text>
            </Descriptions.Item>
          ))}
        </Descriptions>
        {explanation}
      </>
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
      initialValues={Object.fromEntries(fields.map((f) => [f.name, rules[f.name as keyof typeof rules]]))}
      onFinish={(v) => void save(v)}
    >
      <Row gutter={16}>
        {fields.map((f) => (
          <Col key={f.name} xs={24} sm={12}>
            <Form.Item
              name={f.name}
              label={f.label}
              extra={f.help}
              rules={[{ required: true, message: `请填写${f.label}` }]}
            >
              <InputNumber
                aria-label={f.label}
                min={f.name === 'leadWeight' ? 1 : 0}
                max={f.name === 'leadWeight' ? 10 : 1000}
                step={f.name === 'leadWeight' ? 0.5 : 5}
                style={{ width: '100%' }}
              />
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
      {explanation}
    </Form>
  );
}
