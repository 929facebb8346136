import { Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BoardItem } from '../../../core/schemas/deals.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useStages } from '../stages/api.ts';
import { stageLabel } from '../stages/stageName.ts';
import { useBoard } from './api.ts';
import { useBoardMove } from './useBoardMove.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { BoardColumn } from './BoardColumn.tsx';
import { BoardScroller } from './BoardScroller.tsx';
import { CloseRangePicker } from '../opportunities/CloseRangePicker.tsx';
import { HealthBelowSelect } from '../opportunities/HealthBelowSelect.tsx';

const KEYS = ['ownerId', 'teamId', 'closeFrom', 'closeTo', 'healthBelow'] as const;

export function PipelineBoardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const f = useUrlParams(KEYS);
  const { healthBelow, ...rest } = f.values;
  const query = { ...rest, healthBelow: healthBelow ? Number(healthBelow) : undefined };
  const board = useBoard(query);
  const stages = useStages();
  const move = useBoardMove(query);
  const writable = canWrite(me);
  // A desktop column is at least 210 px and grows to share the window: five stages fit at 1440 px.
  const width = mobile ? 260 : 210;

  const columns = board.data?.columns ?? [];
  const openStages = columns.map((c) => ({ id: c.stage.id, label: stageLabel(c.stage, i18n.language) }));
  const findDeal = (id: string): BoardItem | undefined => columns.flatMap((c) => c.items).find((d) => d.id === id);

  const moveDeal = (deal: BoardItem, stageId: string) => {
    if (deal.stageId === stageId) return;
    const s = stages.data?.find((x) => x.id === stageId);
    const label = s ? stageLabel(s, i18n.language) : (openStages.find((x) => x.id === stageId)?.label ?? '');
    void move(deal, stageId, label);
  };

  const fw = mobile ? '100%' : 180;
  return (
    <div data-testid="pipeline-page" style={{ minWidth: 0 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }} wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.pipeline')}
        </Typography.Title>
        {writable && !mobile && <Typography.Text type="secondary">{t('deals.dragHint')}</Typography.Text>}
      </Flex>
      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="board-filters">
        <UserSelect
          value={f.values.ownerId}
          onChange={(v) => f.set('ownerId', v)}
          placeholder={t('field.opportunity.ownerId')}
          style={{ width: fw }}
          activeOnly={false}
        />
        <TeamSelect
          value={f.values.teamId}
          onChange={(v) => f.set('teamId', v)}
          placeholder={t('accounts.team')}
          style={{ width: fw }}
        />
        <CloseRangePicker
          from={f.values.closeFrom}
          to={f.values.closeTo}
          onChange={(a, b) => f.setMany({ closeFrom: a, closeTo: b })}
          width={mobile ? '100%' : 260}
        />
        <HealthBelowSelect value={f.values.healthBelow} onChange={(v) => f.set('healthBelow', v)} width={fw} />
        <Button onClick={f.clear}>{t('common.reset')}</Button>
      </Flex>
      {board.isError ? (
        <FullPageError error={board.error} onRetry={() => void board.refetch()} />
      ) : board.isPending ? (
        <Spin />
      ) : (
        <BoardScroller step={width + 10} mobile={mobile}>
          <div
            data-testid="pipeline-board"
            style={{ display: 'flex', gap: 10, alignItems: 'stretch', width: 'max-content', minWidth: '100%' }}
          >
            {columns.map((c) => (
              <BoardColumn
                key={c.stage.id}
                column={c}
                allStages={openStages}
                width={width}
                grow={!mobile}
                writable={writable}
                onMove={moveDeal}
                onDropId={(id, stageId) => {
                  const d = findDeal(id);
                  if (d) moveDeal(d, stageId);
                }}
              />
            ))}
          </div>
        </BoardScroller>
      )}
    </div>
  );
}
