import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { WinLoss } from '../../../core/schemas/forecast.ts';
import { percent } from '../forecast/ForecastTable.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';

type Outcome = Pick<WinLoss['sources'][number], 'won' | 'lost' | 'winRate'>;

/** Won and lost deals and the win rate per group (a deal source, a province), as the win/loss card shows them. */
export function OutcomeTable<T extends Outcome>({
  rows,
  title,
  rowKey,
  label,
  testId,
}: {
  rows: T[];
  title: string;
  rowKey: (r: T) => string;
  label: (r: T) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  // Sized by its content within the card on a desktop (a fixed 300-px scroll width overflowed the
  // dashboard's half-width column at 1440 px); a phone scrolls sideways.
  const mobile = useIsMobile();
  return (
    <Table<T>
      rowKey={rowKey}
      size="small"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: t('dashboard.nothingClosed') }}
      scroll={mobile ? { x: 300 } : undefined}
      data-testid={testId}
      columns={[
        { key: 'label', title, ellipsis: { showTitle: true }, render: (_, r) => label(r) },
        { key: 'won', title: t('dashboard.won'), align: 'right', render: (_, r) => r.won.count },
        { key: 'lost', title: t('dashboard.lost'), align: 'right', render: (_, r) => r.lost.count },
        { key: 'rate', title: t('dashboard.winRate'), align: 'right', render: (_, r) => percent(r.winRate) },
      ]}
    />
  );
}
