import { Button, Card, Dropdown, Flex, Typography } from 'antd';
import { SwapOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardItem } from '../../../core/schemas/deals.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { DateText } from '../../components/DateText.tsx';
import { HealthBadge, RedFlagCount } from '../opportunities/HealthBadge.tsx';

interface Props {
  deal: BoardItem;
  /** Other stages, for the "move to" menu (touch screens have no drag and drop). */
  targets: { id: string; label: string }[];
  onMove: (deal: BoardItem, stageId: string) => void;
  draggable: boolean;
}

export function BoardCard({ deal, targets, onMove, draggable }: Props) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="board-card"
      data-opportunity-id={deal.id}
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', deal.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{ marginBottom: 8, cursor: draggable ? 'grab' : undefined }}
      styles={{ body: { padding: 10 } }}
    >
      <Flex justify="space-between" align="flex-start" gap={6}>
        <Link
          to={`/opportunities/${deal.id}`}
          style={{ fontWeight: 600, minWidth: 0, overflowWrap: 'anywhere' }}
          data-testid="board-card-link"
        >
          {deal.name}
        </Link>
        <HealthBadge score={deal.health} />
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
        {deal.accountName}
      </Typography.Text>
      <Flex justify="space-between" align="center" style={{ marginTop: 4, fontSize: 12 }} wrap gap={4}>
        <strong>
          <MoneyText value={deal.amount} />
        </strong>
        <DateText value={deal.expectedCloseDate} />
      </Flex>
      <Flex justify="space-between" align="center" style={{ marginTop: 4, fontSize: 12, color: '#666' }} gap={4}>
        <span>{deal.ownerName ?? '—'}</span>
        <Flex align="center" gap={6}>
          <RedFlagCount count={deal.redFlagCodes.length} />
          {draggable && targets.length > 0 && (
            <Dropdown
              trigger={['click']}
              menu={{
                items: targets.map((s) => ({ key: s.id, label: s.label })),
                onClick: ({ key }) => onMove(deal, key),
              }}
            >
              <Button
                size="small"
                type="text"
                icon={<SwapOutlined />}
                aria-label={t('deals.moveTo')}
                title={t('deals.moveTo')}
                data-testid="board-card-move"
              />
            </Dropdown>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
