import { useState } from 'react';
import { Empty, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Board, BoardItem } from '../../../core/schemas/deals.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { stageLabel } from '../stages/stageName.ts';
import { BoardCard } from './BoardCard.tsx';

type Column = Board['columns'][number];

interface Props {
  column: Column;
  allStages: { id: string; label: string }[];
  width: number | string;
  /** Grow past `width` to share the board's room: the default stages fit a 1440-px window side by side. */
  grow?: boolean;
  writable: boolean;
  onMove: (deal: BoardItem, stageId: string) => void;
  /** A card id dropped here from another column. */
  onDropId: (id: string, stageId: string) => void;
}

export function BoardColumn({ column, allStages, width, grow, writable, onMove, onDropId }: Props) {
  const { t, i18n } = useTranslation();
  const [over, setOver] = useState(false);
  const { stage } = column;
  const targets = allStages.filter((s) => s.id !== stage.id);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for dragged cards; each card also has a keyboard-reachable move menu
    <div
      data-testid="board-column"
      data-stage-id={stage.id}
      onDragOver={(e) => {
        if (!writable) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const id = e.dataTransfer.getData('text/plain');
        if (id) onDropId(id, stage.id);
      }}
      style={{
        flex: `${grow ? 1 : 0} 0 ${typeof width === 'number' ? `${width}px` : width}`,
        width: grow ? undefined : width,
        minWidth: 0,
        boxSizing: 'border-box',
        background: over ? '#e6f0ff' : '#f5f6f8',
        border: over ? '1px dashed #1d4ed8' : '1px solid #eceef2',
        borderRadius: 8,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        minHeight: 240,
      }}
    >
      {/* Sticky: the stage, its count and its amounts stay in view while the cards scroll under them. */}
      <div
        data-testid="column-head"
        style={{
          padding: '2px 4px 8px',
          position: 'sticky',
          top: 0,
          zIndex: 2,
          background: over ? '#e6f0ff' : '#f5f6f8',
        }}
      >
        <Flex justify="space-between" align="center" gap={4}>
          <Typography.Text strong ellipsis data-testid="column-title">
            {stageLabel(stage, i18n.language)}
          </Typography.Text>
          <Tag style={{ marginInlineEnd: 0 }}>{stage.probability}%</Tag>
        </Flex>
        <Flex justify="space-between" style={{ fontSize: 12, color: '#555', marginTop: 4 }} wrap gap={4}>
          <span data-testid="column-count">{t('deals.count', { count: column.count })}</span>
          <strong data-testid="column-amount">
            <MoneyText value={column.amount} />
          </strong>
        </Flex>
        <Flex justify="space-between" style={{ fontSize: 12, color: '#555' }}>
          <span>{t('deals.weighted')}</span>
          <span data-testid="column-weighted">
            <MoneyText value={column.weightedAmount} />
          </span>
        </Flex>
      </div>
      <div style={{ flex: 1 }}>
        {column.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.noDeals')} />
        ) : (
          column.items.map((d) => (
            <BoardCard key={d.id} deal={d} targets={targets} onMove={onMove} draggable={writable} />
          ))
        )}
        {column.count > column.items.length && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('deals.cards', { shown: column.items.length, count: column.count })}
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
