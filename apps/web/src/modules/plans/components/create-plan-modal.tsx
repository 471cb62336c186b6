import { useMutation } from '@apollo/client/react';
import { Alert, Form, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { describeError } from '../../common/utils/app-errors';
import { CreatePlanMutation } from '../graphql/create-plan.mutation';
import { DuplicatePlanAlert, duplicateOf, type DuplicateFound } from './duplicate-plan-alert';
import { PlanHeaderFields, type PlanHeader } from './plan-header-fields';

/** An empty draft, for a plan whose document cannot be read or is not at hand: key points are added by hand. */
export function CreatePlanModal({ open, onCancel }: { open: boolean; onCancel: () => void }) {
  const navigate = useNavigate();
  const [form] = Form.useForm<PlanHeader>();
  const [createPlan, { loading }] = useMutation(CreatePlanMutation, { context: { quiet: true } });
  const [problem, setProblem] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState<DuplicateFound | null>(null);
  useEffect(() => {
    if (open) {
      form.setFieldsValue({ title: '', year: new Date().getFullYear(), docNumber: '', issuer: '' });
      setProblem(null);
      setDuplicate(null);
    }
  }, [open, form]);

  const create = async (v: PlanHeader, allowDuplicate = false) => {
    setProblem(null);
    setDuplicate(null);
    try {
      const input = {
        title: v.title,
        year: v.year,
        docNumber: v.docNumber?.trim() || null,
        issuer: v.issuer?.trim() || null,
        allowDuplicate,
      };
      const { data } = await createPlan({ variables: { input } });
      navigate(`/plans/${data!.createPlan.id}`);
    } catch (e) {
      const error = describeError(e);
      const found = duplicateOf(error);
      if (found) setDuplicate(found);
      else {
        setProblem(error.message);
        if (error.field) form.setFields([{ name: error.field as keyof PlanHeader, errors: [error.message] }]);
      }
    }
  };

  return (
    <Modal
      open={open}
      title="新建空白计划"
      okText="新建"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      confirmLoading={loading}
      destroyOnHidden
      forceRender
    >
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} aria-label="新建空白计划">
        <PlanHeaderFields />
      </Form>
      {problem && <Alert type="error" showIcon title={problem} role="alert" />}
      {duplicate && (
        <DuplicatePlanAlert
          found={duplicate}
          insistText="仍然新建"
          busy={loading}
          onInsist={() => void create(form.getFieldsValue(), true)}
        />
      )}
    </Modal>
  );
}
