import { Empty, Table, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Whitespace, WhitespaceCell } from '../../../core/schemas/health.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { TEXT_SECONDARY } from '../../components/a11y.ts';

type Row = Whitespace['rows'][number];

const CELL_STYLE: Record<WhitespaceCell['state'], { background: string; color: string }> = {
  won: { background: '#f6ffed', color: '#237804' },
  // Text at 4.5:1 on its cell (gold-9 on gold-1; the theme's secondary grey).
  open: { background: '#fffbe6', color: '#874d00' },
  none: { background: 'transparent', color: TEXT_SECONDARY },
};

function Cell({ cell }: { cell: WhitespaceCell }) {
  const { t } = useTranslation();
  const style = CELL_STYLE[cell.state];
  const hasOpen = cell.openAmount !== '0.00';
  return (
    <Tooltip title={t(`whitespace.state.${cell.state}`)}>
      <div
        data-testid="whitespace-cell"
        data-state={cell.state}
        style={{
          ...style,
          borderRadius: 4,
          padding: '4px 8px',
          fontSize: 12,
          textAlign: 'right',
          whiteSpace: 'nowrap',
        }}
      >
        {cell.state === 'none' ? (
          t('whitespace.blank')
        ) : (
          <>
            {cell.state === 'won' && <MoneyText value={cell.wonAmount} />}
            {hasOpen && (
              <div style={cell.state === 'won' ? { color: CELL_STYLE.open.color } : undefined}>
                {cell.state === 'won' ? '+ ' : ''}
                <MoneyText value={cell.openAmount} />
              </div>
            )}
          </>
        )}
      </div>
    </Tooltip>
  );
}

/** Depth of each row under the others shown (a group's branches are indented under their parent). */
function depths(rows: Row[]): Map<string, number> {
  const parent = new Map(rows.map((r) => [r.accountId, r.parentId]));
  const out = new Map<string, number>();
  for (const r of rows) {
    let d = 0;
    for (let p = r.parentId; p && parent.has(p) && d < 20; p = parent.get(p) ?? null) d++;
    out.set(r.accountId, d);
  }
  return out;
}

/** Accounts × product categories: won in green with the amount, open in amber, blank where nothing has been sold yet. */
export function WhitespaceGrid({
  data,
  loading,
  indent = false,
}: {
  data: Whitespace | undefined;
  loading: boolean;
  indent?: boolean;
}) {
  const { t } = useTranslation();
  const rows = data?.rows ?? [];
  const depth = indent ? depths(rows) : new Map<string, number>();
  const columns: ColumnsType<Row> = [
    {
      key: 'account',
      title: t('whitespace.account'),
      fixed: 'left',
      width: 160,
      render: (_, r) => (
        <Link
          to={`/accounts/${r.accountId}`}
          style={{ paddingInlineStart: (depth.get(r.accountId) ?? 0) * 12, display: 'inline-block' }}
          data-testid="whitespace-account"
        >
          {r.name}
        </Link>
      ),
    },
    ...(data?.categories ?? []).map((cat) => ({
      key: cat,
      title: cat,
      width: 130,
      render: (_: unknown, r: Row) => <Cell cell={r.cells[cat]} />,
    })),
  ];
  return (
    <Table<Row>
      data-testid="whitespace-grid"
      rowKey="accountId"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 160 + 130 * (data?.categories.length ?? 0) }}
      locale={{ emptyText: <Empty description={t('whitespace.empty')} /> }}
    />
  );
}
