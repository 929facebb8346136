// The merge's field-by-field choice, for any kind of record: each field whose values differ, the
// survivor's value and the duplicate's, one of them chosen. A table on a wide screen; on a phone each
// field is a block with its two values one above the other, so nothing scrolls sideways.
import type { ReactNode } from 'react';
import { Flex, Radio, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../components/useIsMobile.ts';

export type Side = 'target' | 'source';

/**
 * The fields whose values differ between the two records, in the given order. `columnsOf` names the
 * values one choice carries (an account's region code with its province and city).
 */
export function differingFields<F extends string>(
  fields: readonly F[],
  target: object,
  source: object,
  columnsOf: (field: F) => readonly string[] = (f) => [f],
): F[] {
  const values = (r: object, f: F) =>
    JSON.stringify(columnsOf(f).map((c) => (r as Record<string, unknown>)[c] ?? null));
  return fields.filter((f) => values(target, f) !== values(source, f));
}

export interface MergeFieldsProps {
  fields: readonly string[];
  label: (field: string) => string;
  value: (field: string, side: Side) => ReactNode;
  targetName: string;
  sourceName: string;
  choices: Readonly<Record<string, Side>>;
  onChoose: (field: string, side: Side) => void;
}

export function MergeFields({ fields, label, value, targetName, sourceName, choices, onChoose }: MergeFieldsProps) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const heading = (side: Side) =>
    side === 'target' ? t('merges.keep', { name: targetName }) : t('merges.take', { name: sourceName });
  const radio = (field: string, side: Side) => (
    <Radio
      checked={(choices[field] ?? 'target') === side}
      onChange={() => onChoose(field, side)}
      data-testid={`merge-${field}-${side}`}
      aria-label={`${label(field)}: ${heading(side)}`}
      // On a phone each choice is a thumb-sized target across the dialog.
      style={
        mobile
          ? { overflowWrap: 'anywhere', minHeight: 44, width: '100%', alignItems: 'center' }
          : { overflowWrap: 'anywhere' }
      }
    >
      {value(field, side)}
    </Radio>
  );

  if (mobile)
    return (
      <Flex vertical gap={12} data-testid="merge-fields">
        {fields.map((field) => (
          <div key={field} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', paddingBottom: 8 }}>
            <Typography.Text strong>{label(field)}</Typography.Text>
            {(['target', 'source'] as const).map((side) => (
              <div key={side} style={{ marginTop: 4 }}>
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {heading(side)}
                </Typography.Text>
                {radio(field, side)}
              </div>
            ))}
          </div>
        ))}
      </Flex>
    );
  return (
    <Table
      size="small"
      pagination={false}
      rowKey={(f) => f}
      dataSource={[...fields]}
      data-testid="merge-fields"
      columns={[
        { title: t('merges.field'), render: (_, f) => label(f), width: 140 },
        { title: heading('target'), render: (_, f) => radio(f, 'target') },
        { title: heading('source'), render: (_, f) => radio(f, 'source') },
      ]}
    />
  );
}
