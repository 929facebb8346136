import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

export function FullPageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const msg = error instanceof Error ? error.message : String(error);
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={msg}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
