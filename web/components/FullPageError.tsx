import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../lib/api.ts';

export function FullPageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const msg = error instanceof Error ? error.message : String(error);
  // A record that does not exist (or is outside the user's scope) will not appear by retrying.
  if (error instanceof ApiError && error.status === 404) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={msg}
        data-testid="not-found"
        extra={
          <Link to="/accounts">
            <Button type="primary">{t('common.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={msg}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
