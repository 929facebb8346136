import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportEntity } from '../../../core/import/headers.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { canWrite, useMe } from '../../lib/session.ts';

/**
 * The list pages' 导入 button: opens the import page on this list's entity. Hidden from viewers, who
 * cannot import; one self-contained element so a toolbar takes it in one line.
 */
export function ImportButton({ entity }: { entity: ImportEntity }) {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  if (!canWrite(me)) return null;
  const label = t('imports.entryLabel', { entity: t(`imports.entity.${entity}`) });
  return (
    <Button
      icon={<UploadOutlined />}
      onClick={() => navigate(`/imports?entity=${entity}`)}
      aria-label={mobile ? label : undefined}
      title={label}
      data-testid="import-entry"
    >
      {mobile ? null : t('imports.entry')}
    </Button>
  );
}
