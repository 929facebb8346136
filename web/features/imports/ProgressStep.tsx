import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Progress, Result, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ImportJob } from '../../../core/schemas/imports.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { type ImportOptions, isRunning, reportUrl, useImportJob, useStartImport } from './api.ts';

interface Props {
  jobId: string;
  /** The file still in the page (absent after a reload or for a job opened from the history). */
  file: File | null;
  options: (dryRun: boolean) => ImportOptions;
  onStarted: (jobId: string) => void;
  /** Back to the mapping with the same file; null when the file is gone. */
  onEdit: (() => void) | null;
  onAgain: () => void;
}

const percentOf = (job: ImportJob) => (job.total > 0 ? Math.min(100, Math.floor((job.done * 100) / job.total)) : 0);

/** Step 3: the job's progress bar while it runs, then what it created, updated and rejected. */
export function ProgressStep({ jobId, file, options, onStarted, onEdit, onAgain }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const navigate = useNavigate();
  const fail = useApiFeedback();
  const q = useImportJob(jobId);
  const start = useStartImport();
  const job = q.data;
  if (q.isError) return <FullPageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!job) return <Spin />;

  const running = isRunning(job);
  const entityName = t(`imports.entity.${job.entity}`);
  const canRunForReal = job.dryRun && job.status === 'done' && !!file && options(false).entity === job.entity;
  const runForReal = async () => {
    if (!file) return;
    try {
      const next = await start.mutateAsync({ file, options: options(false) });
      onStarted(next.id);
    } catch (e) {
      fail(e);
    }
  };

  const progressText = (() => {
    if (job.status === 'queued') return t('imports.progress.queued');
    if (running && job.total === 0) return t('imports.progress.reading');
    return t('imports.progress.running', { done: job.done, total: job.total });
  })();

  const resultTitle =
    job.status === 'failed'
      ? t('imports.result.failed')
      : job.dryRun
        ? t('imports.result.dryDone')
        : t('imports.result.done');

  return (
    <Flex vertical gap={16} data-testid="import-progress-step" data-status={job.status}>
      <Typography.Text strong>{job.fileName}</Typography.Text>
      <div>
        <Progress
          percent={running ? percentOf(job) : job.status === 'done' ? 100 : percentOf(job)}
          status={running ? 'active' : job.status === 'failed' ? 'exception' : 'success'}
          aria-label={t('imports.progress.label')}
          data-testid="import-progress"
        />
        <Typography.Text type="secondary" data-testid="import-progress-text" aria-live="polite">
          {running ? progressText : t('imports.result.total', { total: job.total })}
        </Typography.Text>
      </div>
      {!running && (
        <>
          <Result
            status={job.status === 'failed' ? 'error' : job.rejected > 0 ? 'warning' : 'success'}
            title={<span data-testid="import-result-title">{resultTitle}</span>}
            style={{ padding: mobile ? '8px 0' : '16px 0' }}
          />
          {job.error && <Alert type="error" showIcon title={job.error} data-testid="import-error" />}
          <Flex gap={mobile ? 16 : 48} wrap justify="center" data-testid="import-result">
            <Statistic
              title={t(job.dryRun ? 'imports.result.wouldCreate' : 'imports.result.created')}
              value={job.created}
              data-testid="import-created"
            />
            <Statistic
              title={t(job.dryRun ? 'imports.result.wouldUpdate' : 'imports.result.updated')}
              value={job.updated}
              data-testid="import-updated"
            />
            <Statistic
              title={t(job.dryRun ? 'imports.result.wouldReject' : 'imports.result.rejected')}
              value={job.rejected}
              styles={job.rejected > 0 ? { content: { color: '#cf1322' } } : undefined}
              data-testid="import-rejected"
            />
          </Flex>
          <Flex gap={8} wrap justify="center" vertical={mobile}>
            {job.reportAvailable && (
              <Button icon={<DownloadOutlined />} href={reportUrl(job.id)} download data-testid="import-report">
                {t('imports.result.report')}
              </Button>
            )}
            {onEdit && (
              <Button onClick={onEdit} data-testid="import-edit">
                {t('imports.result.edit')}
              </Button>
            )}
            {canRunForReal && (
              <Button
                type="primary"
                loading={start.isPending}
                onClick={() => void runForReal()}
                data-testid="import-run-real"
              >
                {t('imports.result.startReal')}
              </Button>
            )}
            {!job.dryRun && job.status === 'done' && (
              <Button onClick={() => navigate(`/${job.entity}`)} data-testid="import-view">
                {t('imports.result.view', { entity: entityName })}
              </Button>
            )}
            <Button onClick={onAgain} data-testid="import-again">
              {t('imports.result.again')}
            </Button>
          </Flex>
        </>
      )}
    </Flex>
  );
}
