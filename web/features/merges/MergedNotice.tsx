import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

const PAGES = { account: '/accounts', contact: '/contacts' } as const;

/**
 * On a merged record's page: where it went. The survivor is read with the page's own hook; out of the
 * reader's scope its name stays unknown (404) and the notice says "another account / contact".
 */
export function MergedNotice({
  kind,
  survivorId,
  useSurvivor,
}: {
  kind: 'account' | 'contact';
  survivorId: string;
  useSurvivor: (id: string) => { isPending: boolean; data?: { name: string } };
}) {
  const { t } = useTranslation();
  const survivor = useSurvivor(survivorId);
  if (survivor.isPending) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 8 }}
      data-testid={`${kind}-merged`}
      title={
        survivor.data
          ? t(`merges.${kind}.mergedInto`, { name: survivor.data.name })
          : t(`merges.${kind}.mergedIntoOther`)
      }
      action={
        survivor.data && (
          <Link to={`${PAGES[kind]}/${survivorId}`} data-testid={`${kind}-merged-link`}>
            {t(`merges.${kind}.open`)}
          </Link>
        )
      }
    />
  );
}
