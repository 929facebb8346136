import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Radio, Typography, Upload } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { IMPORT_ENTITIES, type ImportEntity } from '../../../core/import/headers.ts';
import type { ImportPreview } from '../../../core/schemas/imports.ts';
import type { ChosenFile } from './api.ts';

interface Props {
  entity: ImportEntity;
  onEntity: (e: ImportEntity) => void;
  chosen: ChosenFile | null;
  onFile: (f: File) => void;
  preview: UseQueryResult<ImportPreview>;
  onNext: () => void;
}

/** Step 1: what to import and the file. The file is read (previewed) at once, so a bad one is named here. */
export function UploadStep({ entity, onEntity, chosen, onFile, preview, onNext }: Props) {
  const { t } = useTranslation();
  // The preview on screen may still be the previous file's or entity's while the new one loads.
  const current = preview.data && !preview.isPlaceholderData ? preview.data : undefined;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Text strong id="import-entity-label">
          {t('imports.entity.label')}
        </Typography.Text>
        <div style={{ marginTop: 8 }}>
          <Radio.Group
            optionType="button"
            value={entity}
            onChange={(e) => onEntity(e.target.value as ImportEntity)}
            aria-labelledby="import-entity-label"
            data-testid="import-entity"
            options={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`imports.entity.${e}`) }))}
          />
        </div>
      </div>
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          // Keep the file in the page: it goes up with the preview and again with the import.
          beforeUpload={(file) => {
            onFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('imports.upload.drag')}</p>
          <p className="ant-upload-hint">{t('imports.upload.formats')}</p>
        </Upload.Dragger>
      </div>
      {chosen && (
        <Typography.Text data-testid="import-file-name">
          {t('imports.upload.chosen', { name: chosen.file.name })}
          {current?.encoding && (
            <Typography.Text type="secondary">
              {' '}
              · {t('imports.upload.encoding', { encoding: current.encoding })}
            </Typography.Text>
          )}
        </Typography.Text>
      )}
      {chosen && preview.isError && (
        <Alert type="error" showIcon title={preview.error.message} data-testid="import-file-error" />
      )}
      <Flex justify="end">
        <Button
          type="primary"
          disabled={!current}
          loading={!!chosen && preview.isFetching}
          onClick={onNext}
          data-testid="import-next"
        >
          {preview.isFetching ? t('imports.upload.reading') : t('imports.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
