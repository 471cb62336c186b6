import { useMutation, useQuery } from '@apollo/client/react';
import { App, Button, Modal, Table } from 'antd';
import dayjs from 'dayjs';
import { QueryError } from '../../common/components/query-error';
import { UnitsQuery } from '../../directory/graphql/units.query';
import { UNIT_KIND_LABELS } from '../../directory/utils/unit-kinds';
import { ForgetUnitNameDecisionMutation } from '../graphql/forget-unit-name-decision.mutation';
import { UnitNameDecisionsQuery } from '../graphql/unit-name-decisions.query';
import type { UnitKind } from '../utils/draft-types';

/** The unit name decisions the tenant remembers for its imports; a wrong one can be forgotten. */
export function UnitNameDecisionsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(UnitNameDecisionsQuery, {
    skip: !open,
    fetchPolicy: 'network-only',
  });
  const { data: units } = useQuery(UnitsQuery, { skip: !open });
  const [forget] = useMutation(ForgetUnitNameDecisionMutation, { refetchQueries: ['UnitNameDecisions'] });
  const unitName = new Map((units?.units ?? []).map((u) => [u.id, u.name]));
  const describe = (d: { action: string; unitIds: string[]; kind?: string | null }) =>
    d.action === 'DROP'
      ? '略去'
      : d.action === 'KIND'
        ? `全部${UNIT_KIND_LABELS[d.kind as UnitKind]}`
        : d.unitIds.map((id) => unitName.get(id) ?? '（已删除的单位）').join('、');
  return (
    <Modal open={open} title="已记住的单位名称对应" onCancel={onClose} footer={null} width={720} destroyOnHidden>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={data?.unitNameDecisions ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有记住的对应。在草稿中确认单位名称后，会记在这里，以后导入时自动对应。' }}
          columns={[
            { title: '文件中的名称', dataIndex: 'name' },
            { title: '对应为', render: (_, d) => describe(d) },
            {
              title: '时间',
              dataIndex: 'updatedAt',
              width: 150,
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
            {
              title: '',
              width: 80,
              render: (_, d) => (
                <Button
                  size="small"
                  danger
                  aria-label={`忘记 ${d.name}`}
                  onClick={async () => {
                    await forget({ variables: { id: d.id } });
                    message.success(`已忘记“${d.name}”的对应，以后导入时重新识别`);
                  }}
                >
                  忘记
                </Button>
              ),
            },
          ]}
        />
      )}
    </Modal>
  );
}
