import { Button, Empty, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../../core/schemas/imports.ts';
import { DateText } from '../../components/DateText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useMe } from '../../lib/session.ts';
import { reportUrl, useImportJobs } from './api.ts';

const STATUS_COLOR: Record<ImportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
};

/** The caller's recent imports (an admin sees everyone's, with who ran each). */
export function ImportHistory({ current, onOpen }: { current: string | null; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const me = useMe();
  const jobs = useImportJobs();

  const columns: ColumnsType<ImportJob> = [
    {
      key: 'time',
      title: t('imports.history.time'),
      width: 150,
      render: (_, j) => <DateText value={j.createdAt} withTime />,
    },
    {
      key: 'file',
      title: t('imports.history.file'),
      ellipsis: true,
      render: (_, j) => (
        <Typography.Link onClick={() => onOpen(j.id)} data-testid="history-file" strong={j.id === current}>
          {j.fileName}
        </Typography.Link>
      ),
    },
    {
      key: 'entity',
      title: t('imports.history.entity'),
      width: 90,
      render: (_, j) => t(`imports.entity.${j.entity}`),
    },
    {
      key: 'status',
      title: t('imports.history.status'),
      width: 130,
      render: (_, j) => (
        <Flex gap={4} wrap>
          <Tag color={STATUS_COLOR[j.status]} data-testid="history-status">
            {t(`imports.status.${j.status}`)}
          </Tag>
          {j.dryRun && <Tag>{t('imports.history.dryRun')}</Tag>}
        </Flex>
      ),
    },
    { key: 'rows', title: t('imports.history.rows'), width: 70, align: 'right', render: (_, j) => j.total },
    {
      key: 'counts',
      title: t('imports.history.counts'),
      width: 150,
      align: 'right',
      render: (_, j) => `${j.created} / ${j.updated} / ${j.rejected}`,
    },
    ...(me.role === 'admin'
      ? [
          {
            key: 'user',
            title: t('imports.history.user'),
            width: 100,
            render: (_: unknown, j: ImportJob) => j.userName ?? '—',
          },
        ]
      : []),
    {
      key: 'report',
      title: t('imports.history.report'),
      width: 100,
      render: (_, j) =>
        j.reportAvailable ? (
          <Button
            size="small"
            type="link"
            href={reportUrl(j.id)}
            download
            aria-label={`${t('imports.result.report')} ${j.fileName}`}
          >
            {t('imports.result.report')}
          </Button>
        ) : (
          '—'
        ),
    },
  ];
  // A phone keeps what tells imports apart; the rest is one tap away on the job itself.
  const shown = mobile ? columns.filter((c) => ['time', 'file', 'status'].includes(String(c.key))) : columns;

  return (
    <section aria-labelledby="import-history-title">
      <Typography.Title level={5} id="import-history-title">
        {t('imports.history.title')}
      </Typography.Title>
      {jobs.isError ? (
        <FullPageError error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<ImportJob>
          rowKey="id"
          size="small"
          columns={shown}
          dataSource={jobs.data ?? []}
          loading={jobs.isPending}
          pagination={false}
          scroll={mobile ? undefined : { x: 900 }}
          locale={{ emptyText: <Empty description={t('imports.history.empty')} /> }}
          data-testid="import-history"
        />
      )}
    </section>
  );
}
