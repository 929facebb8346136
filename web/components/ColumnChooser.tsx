import { useContext, useEffect, useMemo, useState } from 'react';
import { App, Button, Checkbox, Flex, InputNumber, Popover, Table, type TableProps, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EMPTY_TABLE_PREFERENCES, type TablePreferences } from '../../core/user-preferences.ts';
import { MeContext } from '../lib/session.ts';
import { useSavePreferences } from './useMoney.ts';

const DEFAULT_WIDTH = 120;

/** A column's key as the preferences name it; columns without a string key are not choosable. */
const keyOf = (c: { key?: unknown }): string | null => (typeof c.key === 'string' ? c.key : null);

/**
 * The user's columns for one list table (preferences.tables[tableKey]): hidden ones left out, saved
 * widths applied. A column fixed on the left (the record's name) always stays: it is the row's link.
 * Returns the columns, the width to scroll to, and the chooser to place above the table.
 */
export function useTableColumns<T>(tableKey: string, columns: ColumnsType<T>) {
  const saved = useContext(MeContext)?.preferences.tables[tableKey] ?? EMPTY_TABLE_PREFERENCES;
  const shown = useMemo(
    () =>
      columns
        .filter((c) => {
          const k = keyOf(c);
          return !k || c.fixed === 'left' || !saved.hidden.includes(k);
        })
        .map((c) => {
          const k = keyOf(c);
          const w = k ? saved.widths[k] : undefined;
          return w ? { ...c, width: w } : c;
        }),
    [columns, saved],
  );
  const scrollX = shown.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : DEFAULT_WIDTH), 0);
  const chooser = <ColumnChooser tableKey={tableKey} columns={columns} saved={saved} />;
  return { columns: shown, scrollX, chooser };
}

/** A list table with the user's columns; without a tableKey (a tab inside a record) it is a plain table. */
export function ChoosableTable<T extends object>({
  tableKey,
  columns,
  ...rest
}: Omit<TableProps<T>, 'columns'> & { tableKey?: string; columns: ColumnsType<T> }) {
  const table = useTableColumns(tableKey ?? '', columns);
  if (!tableKey) return <Table<T> columns={columns} {...rest} />;
  return (
    <>
      <Flex justify="flex-end" style={{ marginBottom: 8 }}>
        {table.chooser}
      </Flex>
      <Table<T> {...rest} columns={table.columns} scroll={{ ...rest.scroll, x: table.scrollX }} />
    </>
  );
}

function ColumnChooser<T>({
  tableKey,
  columns,
  saved,
}: {
  tableKey: string;
  columns: ColumnsType<T>;
  saved: TablePreferences;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSavePreferences();
  const [open, setOpen] = useState(false);
  const choosable = columns.flatMap((c) => {
    const k = keyOf(c);
    if (!k) return [];
    return [
      {
        key: k,
        title: typeof c.title === 'string' ? c.title : k,
        locked: c.fixed === 'left',
        width: typeof c.width === 'number' ? c.width : DEFAULT_WIDTH,
      },
    ];
  });

  const put = (next: TablePreferences | null) =>
    save.mutate({ tables: { [tableKey]: next } }, { onError: (e) => void message.error(e.message) });

  const toggle = (key: string, visible: boolean) =>
    put({
      ...saved,
      hidden: visible ? saved.hidden.filter((h) => h !== key) : [...saved.hidden.filter((h) => h !== key), key],
    });

  const setWidth = (key: string, width: number | null, defaultWidth: number) => {
    const widths = { ...saved.widths };
    if (width === null || width === defaultWidth) delete widths[key];
    else widths[key] = Math.min(2000, Math.max(40, Math.round(width)));
    if (widths[key] !== saved.widths[key]) put({ ...saved, widths });
  };

  const content = (
    <div data-testid={`columns-${tableKey}`} style={{ maxHeight: 420, overflowY: 'auto' }}>
      <Flex vertical gap={6}>
        {choosable.map((c) => (
          <Flex key={c.key} justify="space-between" align="center" gap={12}>
            <Checkbox
              checked={c.locked || !saved.hidden.includes(c.key)}
              disabled={c.locked}
              onChange={(e) => toggle(c.key, e.target.checked)}
              data-testid={`column-toggle-${c.key}`}
            >
              {c.title}
            </Checkbox>
            <WidthInput
              label={`${c.title} · ${t('columnPrefs.width')}`}
              value={saved.widths[c.key] ?? c.width}
              onCommit={(w) => setWidth(c.key, w, c.width)}
              testId={`column-width-${c.key}`}
            />
          </Flex>
        ))}
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('columnPrefs.width')} (px)
        </Typography.Text>
        <Button size="small" onClick={() => put(null)} data-testid="columns-reset">
          {t('columnPrefs.reset')}
        </Button>
      </Flex>
    </div>
  );

  return (
    <Popover trigger="click" placement="bottomRight" open={open} onOpenChange={setOpen} content={content}>
      <Button icon={<SettingOutlined />} data-testid="columns-button">
        {t('columnPrefs.choose')}
      </Button>
    </Popover>
  );
}

/** A width typed and kept as a draft; saved when the user leaves the field, presses Enter or steps. */
function WidthInput({
  label,
  value,
  onCommit,
  testId,
}: {
  label: string;
  value: number;
  onCommit: (width: number | null) => void;
  testId: string;
}) {
  const [draft, setDraft] = useState<number | null>(value);
  // A reset or another tab's save shows here.
  useEffect(() => setDraft(value), [value]);
  return (
    <InputNumber<number>
      size="small"
      min={40}
      max={2000}
      step={20}
      style={{ width: 84 }}
      aria-label={label}
      value={draft}
      onChange={setDraft}
      onBlur={() => onCommit(draft)}
      onPressEnter={() => onCommit(draft)}
      onStep={(v) => onCommit(v)}
      data-testid={testId}
    />
  );
}
