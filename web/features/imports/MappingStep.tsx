import { Alert, Button, Divider, Flex, Radio, Typography } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../../core/import/headers.ts';
import type { ImportMapping, ImportMatch, ImportMode, ImportPreview } from '../../../core/schemas/imports.ts';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { type ImportOptions, type OwnerChoice, useStartImport } from './api.ts';
import { MappingTable } from './MappingTable.tsx';
import { PreviewTable } from './PreviewTable.tsx';

export interface RunOptions {
  match: ImportMatch;
  mode: ImportMode;
  owner: OwnerChoice;
}

interface Props {
  entity: ImportEntity;
  file: File;
  preview: UseQueryResult<ImportPreview>;
  onMapping: (m: ImportMapping) => void;
  run: RunOptions;
  onRun: (r: RunOptions) => void;
  options: (dryRun: boolean) => ImportOptions;
  onStarted: (jobId: string) => void;
  onBack: () => void;
}

/** One labelled choice: the label names the radio group for screen readers. */
function Choice({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div>
      <Typography.Text strong id={id}>
        {label}
      </Typography.Text>
      <div style={{ marginTop: 6 }}>{children}</div>
    </div>
  );
}

/** Step 2: the mapping, the preview and how to run it; a dry run and the real thing start from here. */
export function MappingStep({ entity, file, preview, onMapping, run, onRun, options, onStarted, onBack }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const fail = useApiFeedback();
  const start = useStartImport();
  const data = preview.data;
  if (!data) return null;
  const ownerColumn = data.columns.some((c) => c.field === 'owner');
  const blocked = data.missing.length > 0 || preview.isFetching;
  const vertical = mobile;
  const ownerChosen = run.owner.kind !== 'user' || !!run.owner.userId;

  const go = async (dryRun: boolean) => {
    try {
      const job = await start.mutateAsync({ file, options: options(dryRun) });
      onStarted(job.id);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Flex vertical gap={16}>
      {preview.isError && <Alert type="error" showIcon title={preview.error.message} />}
      <MappingTable preview={data} onMapping={onMapping} />
      <PreviewTable preview={data} loading={preview.isFetching} />
      <Divider style={{ margin: '4px 0' }} />
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('imports.options.title')}
      </Typography.Title>
      <Choice id="import-match-label" label={t('imports.options.match')}>
        <Radio.Group
          value={run.match}
          vertical={vertical}
          onChange={(e) => onRun({ ...run, match: e.target.value as ImportMatch })}
          aria-labelledby="import-match-label"
          data-testid="import-match"
          options={[
            { value: 'both', label: t('imports.options.matchBoth') },
            { value: 'create', label: t('imports.options.matchCreate') },
            { value: 'update', label: t('imports.options.matchUpdate') },
          ]}
        />
      </Choice>
      <Choice id="import-mode-label" label={t('imports.options.mode')}>
        <Radio.Group
          value={run.mode}
          vertical={vertical}
          onChange={(e) => onRun({ ...run, mode: e.target.value as ImportMode })}
          aria-labelledby="import-mode-label"
          data-testid="import-mode"
          options={[
            { value: 'all', label: t('imports.options.modeAll') },
            { value: 'skip', label: t('imports.options.modeSkip') },
          ]}
        />
      </Choice>
      <Choice id="import-owner-label" label={t('imports.options.owner')}>
        <Flex vertical={vertical} wrap gap={8} align={vertical ? 'stretch' : 'center'}>
          <Radio.Group
            value={run.owner.kind}
            vertical={vertical}
            onChange={(e) => {
              const kind = e.target.value as OwnerChoice['kind'];
              onRun({ ...run, owner: kind === 'user' ? { kind, userId: null } : { kind } });
            }}
            aria-labelledby="import-owner-label"
            data-testid="import-owner"
            options={[
              {
                value: 'auto',
                label: ownerColumn ? t('imports.options.ownerColumn') : t('imports.options.ownerMe'),
              },
              { value: 'user', label: t('imports.options.ownerUser') },
              ...(entity === 'accounts' ? [{ value: 'pool', label: t('imports.options.ownerPool') }] : []),
            ]}
          />
          {run.owner.kind === 'user' && (
            <UserSelect
              value={run.owner.userId ?? undefined}
              onChange={(v) => onRun({ ...run, owner: { kind: 'user', userId: v ?? null } })}
              placeholder={t('imports.options.ownerPick')}
              style={{ width: mobile ? '100%' : 200 }}
              data-testid="import-owner-user"
            />
          )}
        </Flex>
      </Choice>
      <Typography.Text type="secondary">{t('imports.dryRunHint')}</Typography.Text>
      <Flex gap={8} wrap justify={mobile ? 'stretch' : 'end'} vertical={mobile}>
        <Button onClick={onBack} data-testid="import-back">
          {t('imports.back')}
        </Button>
        <Button
          disabled={blocked || !ownerChosen}
          loading={start.isPending && start.variables?.options.dryRun === true}
          onClick={() => void go(true)}
          data-testid="import-dry-run"
        >
          {t('imports.dryRun')}
        </Button>
        <Button
          type="primary"
          disabled={blocked || !ownerChosen}
          title={data.missing.length > 0 ? t('imports.fixMissing') : undefined}
          loading={start.isPending && start.variables?.options.dryRun === false}
          onClick={() => void go(false)}
          data-testid="import-start"
        >
          {t('imports.start')}
        </Button>
      </Flex>
    </Flex>
  );
}
