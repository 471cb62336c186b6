import { useQuery } from '@apollo/client/react';
import { Alert, Form, Modal, Select } from 'antd';
import { useEffect } from 'react';
import { useSubmit } from '../../common/hooks/use-submit';
import { PlansQuery } from '../graphql/plans.query';
import { PlanHeaderFields, type PlanHeader } from './plan-header-fields';

export interface PlanHeaderEdit extends PlanHeader {
  parentPlanId: string | null;
}

interface Props {
  open: boolean;
  plan: PlanHeaderEdit & { id: string; status: string };
  onSave: (v: PlanHeaderEdit) => Promise<void>;
  onCancel: () => void;
}

/** Corrects what the parser read from the document's head (or what was typed for an empty plan). */
export function PlanHeaderModal({ open, plan, onSave, onCancel }: Props) {
  const [form] = Form.useForm<PlanHeaderEdit>();
  const { submit, saving, problem, setProblem } = useSubmit();
  const { data } = useQuery(PlansQuery, { variables: { first: 100 }, skip: !open });
  const draft = plan.status === 'DRAFT';
  useEffect(() => {
    if (open) {
      form.setFieldsValue({
        title: plan.title,
        year: plan.year,
        docNumber: plan.docNumber ?? '',
        issuer: plan.issuer ?? '',
        parentPlanId: plan.parentPlanId,
      });
      setProblem(null);
    }
  }, [open, plan, form]);
  const finish = (v: PlanHeaderEdit) =>
    submit(() =>
      onSave({
        ...v,
        docNumber: v.docNumber?.trim() || null,
        issuer: v.issuer?.trim() || null,
        parentPlanId: v.parentPlanId ?? null,
      }),
    );
  return (
    <Modal
      open={open}
      title="编辑计划信息"
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={saving}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)} aria-label="计划信息">
        <PlanHeaderFields
          yearLocked={!draft}
          yearExtra={draft ? '改动年度后，各时限的日期随之改到新的年度' : '已发布的计划不能改年度'}
        />
        <Form.Item label="上级计划" name="parentPlanId" extra="本计划贯彻落实的上级工作要点（可不填）">
          <Select
            allowClear
            aria-label="上级计划"
            options={(data?.plans.nodes ?? [])
              .filter((p) => p.id !== plan.id)
              .map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))}
          />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      </Form>
    </Modal>
  );
}
