import { useApolloClient } from '@apollo/client/react';
import { App, Button, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { MeQuery as MeDocument } from '../graphql/me.query';
import { useSignOut } from '../hooks/use-sign-out';
import { idleSchedule, lastActivity } from '../utils/session-activity';

const TICK_MS = 1000;
export const IDLE_SIGNED_OUT = '您已长时间未操作，为保护账号安全已自动退出，请重新登录';

/**
 * The tenant's idle timeout, seen from the browser: a minute before the server would end the session
 * it asks whether the person is still there, and at the moment signs out (the server refuses the
 * session anyway; this makes it visible instead of failing at the next click).
 */
export function IdleSignOut({ idleMinutes }: { idleMinutes: number }) {
  const client = useApolloClient();
  const { message } = App.useApp();
  const { signOut } = useSignOut();
  const [now, setNow] = useState(() => Date.now());
  const [signingOut, setSigningOut] = useState(false);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, []);
  const { warnAt, signOutAt } = idleSchedule(idleMinutes, lastActivity());
  useEffect(() => {
    if (signingOut || now < signOutAt) return;
    setSigningOut(true);
    void signOut().then(() => void message.warning(IDLE_SIGNED_OUT, 8));
  }, [now, signOutAt, signingOut, signOut, message]);
  const stay = () => {
    // Any request counts as activity; this one also tells whether the session still lives.
    void client.query({ query: MeDocument, fetchPolicy: 'network-only' }).catch(() => undefined);
  };
  const left = Math.max(0, Math.ceil((signOutAt - now) / 1000));
  return (
    <Modal
      open={!signingOut && now >= warnAt}
      title="即将自动退出"
      closable={false}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="out" onClick={() => void signOut()}>
          立即退出
        </Button>,
        <Button key="stay" type="primary" onClick={stay}>
          继续使用
        </Button>,
      ]}
    >
      <Typography.Paragraph>
        您已 {idleMinutes - 2} 分钟以上未操作。为保护账号安全，系统将在 <b>{left}</b> 秒后自动退出登录。
      </Typography.Paragraph>
    </Modal>
  );
}
