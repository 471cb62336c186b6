import { useQuery } from '@apollo/client/react';
import { App, Button } from 'antd';
import { ActionAlert } from '../../common/components/action-alert';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { SignTasksMutation } from '../graphql/sign-tasks.mutation';
import { UnsignedTaskCountQuery } from '../graphql/unsigned-task-count.query';

const useSign = () => {
  const { message } = App.useApp();
  const [sign, { loading }] = useTaskMutation(SignTasksMutation, ['UnsignedTaskCount']);
  const run = async (input: { taskIds?: string[]; all?: boolean }) => {
    try {
      const { data } = await sign({ variables: { input } });
      if (data?.signTasks.signed) message.success(`已签收 ${data.signTasks.signed} 项任务`);
    } catch {
      // shown by the link
    }
  };
  return { run, loading };
};

/** The count of new tasks waiting to be signed for (SignAllBanner's), asked by the page that draws it. */
export const useUnsignedTaskCount = () => useQuery(UnsignedTaskCountQuery, { fetchPolicy: 'cache-and-network' });

/** 签收 on the unit's home: the count of new tasks waiting (useUnsignedTaskCount), and one click for all of them. */
export function SignAllBanner({ count }: { count: number }) {
  const { run, loading } = useSign();
  if (!count) return null;
  return (
    <ActionAlert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="sign-banner"
      title={`有 ${count} 项新交办的任务尚未签收`}
      description="签收表示本单位已收到任务并安排承办；办公室会看到超过时限仍未签收的单位。"
      action={
        <Button type="primary" loading={loading} onClick={() => void run({ all: true })}>
          全部签收
        </Button>
      }
    />
  );
}

/** 签收 of the task open in the drawer. */
export function SignTaskAlert({ taskId }: { taskId: string }) {
  const { run, loading } = useSign();
  return (
    <ActionAlert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      title="新交办的任务，请签收"
      action={
        <Button size="small" type="primary" loading={loading} onClick={() => void run({ taskIds: [taskId] })}>
          签收
        </Button>
      }
    />
  );
}
