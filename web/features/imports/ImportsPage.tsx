import { Card, Result, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_ENTITIES, type ImportEntity } from '../../../core/import/headers.ts';
import type { ImportMapping } from '../../../core/schemas/imports.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { type ChosenFile, type ImportOptions, useImportPreview } from './api.ts';
import { ImportHistory } from './ImportHistory.tsx';
import { MappingStep, type RunOptions } from './MappingStep.tsx';
import { ProgressStep } from './ProgressStep.tsx';
import { UploadStep } from './UploadStep.tsx';

const isEntity = (v: string | undefined): v is ImportEntity => IMPORT_ENTITIES.some((e) => e === v);

const DEFAULT_RUN: RunOptions = { match: 'both', mode: 'all', owner: { kind: 'auto' } };

/**
 * 导入: choose what and which file, check how its columns map and how its first rows will be stored,
 * then run it (or a dry run) and follow its progress. The entity and the running job live in the URL,
 * so the list pages' 导入 buttons land on the right entity and a reload keeps following the job.
 */
export function ImportsPage() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const me = useMe();
  const p = useUrlParams(['entity', 'job'] as const);
  const entity: ImportEntity = isEntity(p.values.entity) ? p.values.entity : 'accounts';
  const jobId = p.values.job ?? null;
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  // null: the server's own mapping (header words, else this user's saved one); set once a column is changed.
  const [mapping, setMapping] = useState<ImportMapping | null>(null);
  const [onMapping, setOnMapping] = useState(false);
  const [run, setRun] = useState<RunOptions>(DEFAULT_RUN);
  const preview = useImportPreview(entity, chosen, mapping);
  const step = jobId ? 2 : onMapping && chosen ? 1 : 0;
  // The menu offers no 导入 to a viewer; one who follows a link is told why rather than shown a 403 later.
  if (!canWrite(me)) return <Result status="403" title={t('imports.viewerOnly')} data-testid="imports-forbidden" />;

  const chooseEntity = (next: ImportEntity) => {
    setMapping(null);
    // The pool is for accounts only.
    if (next !== 'accounts' && run.owner.kind === 'pool') setRun({ ...run, owner: { kind: 'auto' } });
    p.set('entity', next);
  };
  const chooseFile = (file: File) => {
    setMapping(null);
    setChosen({ file, key: `${file.name}:${file.size}:${file.lastModified}:${Date.now()}` });
  };
  const options = (dryRun: boolean): ImportOptions => ({ entity, mapping, ...run, dryRun });
  const startOver = () => {
    setChosen(null);
    setMapping(null);
    setOnMapping(false);
    setRun(DEFAULT_RUN);
    p.set('job', null);
  };

  return (
    <div data-testid="imports-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('imports.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.hint')}</Typography.Paragraph>
      <Steps
        current={step}
        size="small"
        orientation={mobile ? 'vertical' : 'horizontal'}
        style={{ marginBottom: 16 }}
        items={[
          { title: t('imports.steps.upload') },
          { title: t('imports.steps.mapping') },
          { title: t('imports.steps.run') },
        ]}
        data-testid="import-steps"
      />
      <Card size="small" style={{ marginBottom: 24 }}>
        {step === 0 && (
          <UploadStep
            entity={entity}
            onEntity={chooseEntity}
            chosen={chosen}
            onFile={chooseFile}
            preview={preview}
            onNext={() => setOnMapping(true)}
          />
        )}
        {step === 1 && chosen && (
          <MappingStep
            entity={entity}
            file={chosen.file}
            preview={preview}
            onMapping={setMapping}
            run={run}
            onRun={setRun}
            options={options}
            onStarted={(id) => p.set('job', id)}
            onBack={() => setOnMapping(false)}
          />
        )}
        {step === 2 && jobId && (
          <ProgressStep
            jobId={jobId}
            file={chosen?.file ?? null}
            options={options}
            onStarted={(id) => p.set('job', id)}
            onEdit={
              chosen
                ? () => {
                    setOnMapping(true);
                    p.set('job', null);
                  }
                : null
            }
            onAgain={startOver}
          />
        )}
      </Card>
      <ImportHistory current={jobId} onOpen={(id) => p.set('job', id)} />
    </div>
  );
}
