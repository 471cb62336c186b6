import { ApolloProvider } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, useMemo, type ReactNode } from 'react';
import { BrowserRouter, useNavigate } from 'react-router';
import { ErrorBoundary } from '../modules/common/components/error-boundary';
import { setNotifier, setSignedOutHandler } from '../modules/common/utils/notifier';
import { MeQuery as MeDocument } from '../modules/auth/graphql/me.query';
import { apolloClient as defaultClient } from './apollo-client';
import { AppRoutes } from './app-routes';
import { holdServerList } from './first-screen-list';
import { usePhone } from '../modules/common/hooks/use-phone';
import { useReducedMotion, withoutMotion } from '../modules/common/hooks/use-reduced-motion';
import { phoneTheme, theme } from './theme';

dayjs.locale('zh-cn');
// Before main.tsx's first render empties #root: the liaison's server-drawn cards stay until the app's list is drawn.
holdServerList();

/** Connects the Apollo links (outside React) to antd's messages and the router. */
export function ShellBridge({ client, children }: { client: ApolloClient; children: ReactNode }) {
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  useEffect(() => {
    setNotifier({ error: (text) => void message.error(text, 5), success: (text) => void message.success(text) });
    let handling = false;
    setSignedOutHandler((reason) => {
      if (handling || window.location.pathname.startsWith('/login')) return;
      handling = true;
      const here = window.location.pathname + window.location.search;
      void client.clearStore().then(() => {
        client.writeQuery({ query: MeDocument, data: { me: null } });
        message.warning(reason ?? '登录已过期，请重新登录', reason ? 8 : undefined);
        navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
        handling = false;
      });
    });
  }, [client, message, navigate]);
  return children;
}

export function Providers({ client = defaultClient, children }: { client?: ApolloClient; children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <PhoneTheme>
        <AntApp>
          <ApolloProvider client={client}>{children}</ApolloProvider>
        </AntApp>
      </PhoneTheme>
    </ConfigProvider>
  );
}

/** Nothing on top of the base theme (a desktop screen); an object, never `undefined`: see PhoneTheme. */
const NO_CHANGE: ThemeConfig = {};

/**
 * Touch-sized controls on a phone, and no antd motion for a user who asked for less (use-reduced-motion.ts);
 * above AntApp so its confirm dialogs and messages get them too.
 */
function PhoneTheme({ children }: { children: ReactNode }) {
  const phone = usePhone();
  const reducedMotion = useReducedMotion();
  const config = useMemo(() => withoutMotion(phone ? phoneTheme : NO_CHANGE, reducedMotion), [phone, reducedMotion]);
  // antd's ConfigProvider wraps its children in a token provider only when `theme` is set, so toggling
  // between a theme and `undefined` changes the tree above the whole app: turning a tablet round (or a
  // window resized across the breakpoint) would mount every page again, closing open dialogs and
  // dropping typed text. Always passing an object keeps the tree the same.
  return <ConfigProvider theme={config}>{children}</ConfigProvider>;
}

export function App({ client = defaultClient }: { client?: ApolloClient }) {
  return (
    <ErrorBoundary>
      <Providers client={client}>
        <BrowserRouter>
          <ShellBridge client={client}>
            <AppRoutes />
          </ShellBridge>
        </BrowserRouter>
      </Providers>
    </ErrorBoundary>
  );
}
