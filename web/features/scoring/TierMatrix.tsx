import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIERS } from '../../../core/enums.ts';
import type { TierMatrixCell } from '../../../core/schemas/key-accounts.ts';

type Row = { key: string; tier: string | null };
const ROWS: Row[] = [...TIERS.map((v) => ({ key: v, tier: v })), { key: 'none', tier: null }];

/** Assigned tiers down, recommended across: the diagonal agrees, everything off it is a re-tiering candidate. */
export function TierMatrix({ cells, loading }: { cells: TierMatrixCell[]; loading: boolean }) {
  const { t } = useTranslation();
  const count = (tier: string | null, rec: string) =>
    cells.find((c) => c.tier === tier && c.recommendedTier === rec)?.count ?? 0;
  const disagreeing = cells.filter((c) => c.tier !== c.recommendedTier).reduce((s, c) => s + c.count, 0);
  return (
    <>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        loading={loading}
        dataSource={ROWS}
        data-testid="tier-matrix"
        columns={[
          {
            key: 'assigned',
            title: `${t('scoring.assigned')} \\ ${t('scoring.recommended')}`,
            render: (_, r) => (r.tier ? t(`enum.tier.${r.tier}`) : t('scoring.untiered')),
          },
          ...TIERS.map((rec) => ({
            key: rec,
            title: t(`enum.tier.${rec}`),
            align: 'right' as const,
            onCell: (r: Row) => ({
              style: r.tier !== rec && count(r.tier, rec) > 0 ? { background: 'rgba(250, 173, 20, 0.15)' } : undefined,
            }),
            render: (_: unknown, r: Row) => <span data-testid={`matrix-${r.key}-${rec}`}>{count(r.tier, rec)}</span>,
          })),
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }} data-testid="matrix-disagree-total">
        {t('scoring.disagreeTotal', { count: disagreeing })}
      </Typography.Paragraph>
    </>
  );
}
