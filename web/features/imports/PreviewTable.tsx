import { Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../core/schemas/imports.ts';

type PreviewRow = ImportPreview['rows'][number];

/** A cell the server found wrong: tinted, with the reason on hover. */
const BAD_CELL = { background: '#fff1f0', boxShadow: 'inset 0 0 0 1px #ffa39e' };

/** The first rows as they will be stored, by the fields they fill; each row's problems beside it. */
export function PreviewTable({ preview, loading }: { preview: ImportPreview; loading: boolean }) {
  const { t } = useTranslation();
  const mapped = preview.columns.filter((c): c is typeof c & { field: string } => !!c.field);
  const labelOf = (field: string) => preview.fields.find((f) => f.field === field)?.label ?? field;
  const title = t('imports.preview.title', { count: preview.rows.length });
  const bad = preview.rows.filter((r) => r.errors.length > 0).length;

  const columns: ColumnsType<PreviewRow> = [
    { key: 'row', title: t('imports.preview.row'), width: 56, render: (_, r) => r.row },
    ...mapped.map((c): ColumnsType<PreviewRow>[number] => ({
      key: c.field,
      title: labelOf(c.field),
      ellipsis: true,
      onCell: (r) =>
        r.errors.some((e) => e.field === c.field)
          ? { style: BAD_CELL, 'data-field': c.field, 'data-error': 'true' }
          : { 'data-field': c.field },
      render: (_, r) => {
        const errors = r.errors.filter((e) => e.field === c.field);
        const value = r.values[c.field] ?? '';
        if (errors.length === 0) return value;
        const why = errors.map((e) => e.message).join('；');
        // The reason is also in the row's 问题 cell, as text; the tooltip spares a look across.
        return (
          <Tooltip title={why}>
            <span>{value || '—'}</span>
          </Tooltip>
        );
      },
    })),
    {
      key: 'problems',
      title: t('imports.preview.problems'),
      width: 240,
      render: (_, r) =>
        r.errors.length === 0 ? (
          t('imports.preview.none')
        ) : (
          <Typography.Text type="danger" data-testid="preview-row-error">
            {r.errors.map((e) => e.message).join('；')}
          </Typography.Text>
        ),
    },
  ];

  return (
    <>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Typography.Paragraph type={bad > 0 ? 'danger' : 'secondary'} data-testid="preview-summary">
        {preview.rows.length === 0
          ? t('imports.preview.empty')
          : bad > 0
            ? t('imports.preview.bad', { count: bad })
            : t('imports.preview.allGood')}
      </Typography.Paragraph>
      {/* The scrolling box is ours, not the table's: focusable and named, so a keyboard can scroll it. */}
      <section
        aria-label={title}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must take focus to be scrolled by keys (WCAG 2.1.1)
        tabIndex={0}
        style={{ overflowX: 'auto' }}
        data-testid="preview-scroll"
      >
        <Table<PreviewRow>
          rowKey="row"
          size="small"
          columns={columns}
          dataSource={preview.rows}
          loading={loading}
          pagination={false}
          style={{ minWidth: Math.max(600, 56 + 240 + mapped.length * 140) }}
          data-testid="preview-table"
        />
      </section>
    </>
  );
}
