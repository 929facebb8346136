// 导出 / Export on a list page: Excel or CSV of every row the page's current filters and sort match.
import { useState } from 'react';
import { App, Button, Dropdown } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Query } from '../lib/api.ts';
import { downloadExport, type ExportFormat } from '../lib/download.ts';

export function ExportButton({ path, query = {} }: { path: string; query?: Query }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async (format: ExportFormat) => {
    setBusy(true);
    try {
      await downloadExport(path, query, format);
    } catch (err) {
      message.error(err instanceof Error && err.message ? err.message : t('lists.export.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: (['xlsx', 'csv'] as const).map((f) => ({
          key: f,
          label: <span data-testid={`export-${f}`}>{t(`lists.export.${f}`)}</span>,
        })),
        onClick: ({ key }) => void run(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={busy} title={t('lists.export.hint')} data-testid="export">
        {t('lists.export.button')}
      </Button>
    </Dropdown>
  );
}
