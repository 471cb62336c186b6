import { CheckOutlined, EditOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Flex, List, Modal, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { UpperPlanPointPartsFragment } from '../../../generated/graphql';
import { QueryError } from '../../common/components/query-error';
import { KeyPointUpperLinksQuery } from '../graphql/key-point-upper-links.query';
import { SetKeyPointUpperLinksMutation } from '../graphql/set-key-point-upper-links.mutation';

interface KeyPointLine {
  id: string;
  label: string;
  title: string;
}

const pointName = (p: UpperPlanPointPartsFragment) => `${p.label} ${p.title}`.trim();
const percent = (score: number) => `${Math.round(score * 100)}%`;

/**
 * 对应上级要点: each key point of the plan with the upper key points it implements. Duban's proposals
 * (text similarity) wait for the office to 采纳 them; the office can also pick others or remove a link.
 * Shown only when the tenant has an upper tenant with published key points.
 */
export function UpperLinksCard({ planId, keyPoints }: { planId: string; keyPoints: KeyPointLine[] }) {
  const { data, error, refetch } = useQuery(KeyPointUpperLinksQuery, {
    variables: { planId },
    fetchPolicy: 'cache-and-network',
  });
  const [setLinks, { loading: saving }] = useMutation(SetKeyPointUpperLinksMutation, {
    refetchQueries: ['KeyPointUpperLinks'],
    awaitRefetchQueries: true,
  });
  const [editing, setEditing] = useState<{ keyPoint: KeyPointLine; ids: string[] } | null>(null);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const points = data?.upperPlanPoints ?? [];
  if (!data || !points.length) return null;
  const byKeyPoint = new Map(data.keyPointUpperLinks.map((l) => [l.keyPointId, l]));
  // The links as this page read them: a save over someone else's newer one is refused (已被他人修改).
  const save = (keyPointId: string, ids: string[]) =>
    setLinks({ variables: { keyPointId, upperPointIds: ids, version: byKeyPoint.get(keyPointId)?.version ?? 0 } });
  const pending = data.keyPointUpperLinks.filter((l) => l.proposed.length > 0);
  const acceptAll = async () => {
    for (const l of pending)
      await save(l.keyPointId, [...l.linked.map((p) => p.id), ...l.proposed.map((p) => p.point.id)]);
  };
  const linkedCount = data.keyPointUpperLinks.filter((l) => l.linked.length > 0).length;

  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          对应上级要点
          <Typography.Text type="secondary">
            已关联 {linkedCount}/{keyPoints.length} 项
          </Typography.Text>
        </Space>
      }
      extra={
        pending.length > 0 && (
          <Button size="small" icon={<CheckOutlined />} loading={saving} onClick={() => void acceptAll()}>
            全部采纳建议（{pending.length}）
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        上级机构《{points[0]!.planTitle}》等已发布的要点。虚线框为 Duban
        按文字相似度提出的建议，请逐项采纳、修改或删除。
      </Typography.Paragraph>
      <List
        size="small"
        dataSource={keyPoints}
        renderItem={(kp) => {
          const links = byKeyPoint.get(kp.id);
          const linked = links?.linked ?? [];
          const proposed = links?.proposed ?? [];
          return (
            <List.Item
              aria-label={`要点 ${kp.label} 的上级要点`}
              actions={[
                <Button
                  key="edit"
                  size="small"
                  type="link"
                  icon={<EditOutlined />}
                  onClick={() => setEditing({ keyPoint: kp, ids: linked.map((p) => p.id) })}
                >
                  修改
                </Button>,
              ]}
            >
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Typography.Text ellipsis>
                  {kp.label} {kp.title}
                </Typography.Text>
                <Flex wrap gap={4}>
                  {linked.map((p) => (
                    <Tag
                      key={p.id}
                      color="blue"
                      closable
                      closeIcon={<span aria-label={`删除关联 ${pointName(p)}`}>×</span>}
                      onClose={(e) => {
                        e.preventDefault();
                        void save(
                          kp.id,
                          linked.filter((x) => x.id !== p.id).map((x) => x.id),
                        );
                      }}
                    >
                      {pointName(p)}
                    </Tag>
                  ))}
                  {proposed.map(({ point, score }) => (
                    <Tooltip key={point.id} title={`建议：文字相似度 ${percent(score)}`}>
                      <Tag variant="outlined" style={{ borderStyle: 'dashed' }}>
                        建议 {pointName(point)}{' '}
                        <Button
                          size="small"
                          type="link"
                          style={{ padding: 0, height: 'auto' }}
                          onClick={() => void save(kp.id, [...linked.map((x) => x.id), point.id])}
                        >
                          采纳
                        </Button>
                      </Tag>
                    </Tooltip>
                  ))}
                  {!linked.length && !proposed.length && (
                    <Typography.Text type="secondary">未关联上级要点</Typography.Text>
                  )}
                </Flex>
              </Flex>
            </List.Item>
          );
        }}
      />
      <Modal
        title={editing ? `“${editing.keyPoint.label} ${editing.keyPoint.title}”对应的上级要点` : ''}
        open={!!editing}
        okText="保存"
        cancelText="取消"
        confirmLoading={saving}
        onCancel={() => setEditing(null)}
        onOk={async () => {
          await save(editing!.keyPoint.id, editing!.ids);
          setEditing(null);
        }}
      >
        <Select
          mode="multiple"
          aria-label="上级要点"
          style={{ width: '100%' }}
          placeholder="搜索上级要点"
          value={editing?.ids ?? []}
          onChange={(ids) => setEditing((e) => (e ? { ...e, ids } : e))}
          optionFilterProp="label"
          options={points.map((p) => ({ value: p.id, label: `${p.planYear}年 ${pointName(p)}` }))}
        />
      </Modal>
    </Card>
  );
}
