import { useEffect, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../i18n/index.ts';
import { ApiError, onUnauthorized } from '../lib/api.ts';
import { resetSession } from '../lib/session.ts';
import { appTheme } from './theme.ts';

function makeClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx will not get better by retrying; network blips might.
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

function Localised({ children }: { children: ReactNode }) {
  const { i18n: inst } = useTranslation();
  const en = inst.language === 'en';
  useEffect(() => {
    document.documentElement.lang = inst.language;
  }, [inst.language]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={appTheme}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeClient);
  useEffect(() => onUnauthorized(() => resetSession(client)), [client]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>
        <Localised>{children}</Localised>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
