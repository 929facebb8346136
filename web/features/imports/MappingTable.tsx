import { Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ImportColumn, ImportMapping, ImportPreview } from '../../../core/schemas/imports.ts';

/** 10000 → 万元, 100000000 → 亿元: the unit a money column's header named. */
const UNIT_KEYS: Record<string, string> = { '10000': '万', '100000000': '亿' };

/**
 * The mapping as a whole after one column changed. Sent whole (not only the change) so what the user
 * sees is what the server applies; a field taken by the changed column is let go by any other column,
 * since one field is filled from one column.
 */
export function remap(columns: readonly ImportColumn[], header: string, field: string | null): ImportMapping {
  const next: ImportMapping = {};
  for (const c of columns) next[c.header] = c.header === header ? field : c.field === field ? null : c.field;
  return next;
}

interface Props {
  preview: ImportPreview;
  onMapping: (m: ImportMapping) => void;
}

/** The file's columns, each with the field it fills; required fields are starred and missing ones named. */
export function MappingTable({ preview, onMapping }: Props) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('imports.mapping.ignore') },
    ...preview.fields.map((f) => ({
      value: f.field,
      label: f.required ? `${f.label} *` : f.label,
    })),
  ];
  const columns: ColumnsType<ImportColumn> = [
    {
      key: 'header',
      title: t('imports.mapping.column'),
      render: (_, c) => (
        <span data-testid="mapping-header" data-field={c.field ?? ''}>
          {c.header}
        </span>
      ),
    },
    {
      key: 'field',
      title: t('imports.mapping.field'),
      width: '55%',
      render: (_, c) => (
        <>
          <Select<string>
            value={c.field ?? ''}
            options={options}
            showSearch={{ optionFilterProp: 'label' }}
            // About twenty fields: all of them in the list, none left out of it by virtual scrolling.
            virtual={false}
            onChange={(v) => onMapping(remap(preview.columns, c.header, v || null))}
            aria-label={t('imports.mapping.selectLabel', { header: c.header })}
            style={{ width: '100%', maxWidth: 260 }}
            data-testid="mapping-field"
          />
          {preview.fields.some((f) => f.field === c.field && f.required) && (
            <Tag color="blue" style={{ marginTop: 4 }}>
              {t('imports.mapping.required')}
            </Tag>
          )}
          {c.unit && (
            <Tag style={{ marginTop: 4 }}>{t('imports.mapping.unit', { unit: UNIT_KEYS[c.unit] ?? c.unit })}</Tag>
          )}
        </>
      ),
    },
  ];
  const labelOf = (field: string) => preview.fields.find((f) => f.field === field)?.label ?? field;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('imports.mapping.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.mapping.hint')}</Typography.Paragraph>
      {preview.missing.length > 0 && (
        <Typography.Paragraph type="danger" data-testid="mapping-missing" role="alert">
          {t('imports.mapping.missing', { fields: preview.missing.map(labelOf).join('、') })}
        </Typography.Paragraph>
      )}
      <Table<ImportColumn>
        rowKey="column"
        size="small"
        columns={columns}
        dataSource={preview.columns}
        pagination={false}
        data-testid="mapping-table"
      />
    </>
  );
}
