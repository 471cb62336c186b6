import { Alert, Button, Space } from 'antd';
import { Link } from 'react-router';

export interface DuplicateFound {
  message: string;
  planId: string;
  title: string;
}

/** A document imported before: open the plan that has it, or make a second draft on purpose. */
export function DuplicatePlanAlert({
  found,
  onInsist,
  insistText,
  busy,
}: {
  found: DuplicateFound;
  onInsist: () => void;
  insistText: string;
  busy?: boolean;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={found.message}
      description="同一份文件再导入一次会多出一份相同的草稿。通常应打开已有的计划继续处理。"
      action={
        <Space orientation="vertical">
          <Link to={`/plans/${found.planId}`}>
            <Button size="small" type="primary">
              打开《{found.title}》
            </Button>
          </Link>
          <Button size="small" onClick={onInsist} loading={busy}>
            {insistText}
          </Button>
        </Space>
      }
      style={{ marginTop: 16 }}
    />
  );
}

/** The duplicate an import or a new plan ran into, from the API's CONFLICT answer. */
export function duplicateOf(error: {
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
}): DuplicateFound | null {
  const planId = error.extensions?.duplicatePlanId;
  if (error.code !== 'CONFLICT' || typeof planId !== 'string') return null;
  return { message: error.message, planId, title: String(error.extensions?.duplicatePlanTitle ?? '') };
}
