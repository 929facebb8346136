import { lazy, Suspense } from 'react';
import { Alert, Col, Row, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { canWrite, useMe } from '../../../lib/session.ts';
import { FullPageSpin } from '../../../components/FullPageSpin.tsx';
import { PageSkeleton } from '../../../components/PageSkeleton.tsx';
import { accountCrumbs, PageCrumbs } from '../../../components/PageCrumbs.tsx';
import { FullPageError } from '../../../components/FullPageError.tsx';
import { useOpportunity } from '../api.ts';
import { BlueSheetHeader } from './BlueSheetHeader.tsx';
import { DealFieldsCard, type DealField } from './DealFieldsCard.tsx';
import { InfluenceGrid } from './InfluenceGrid.tsx';
import { RedFlagsCard, StrengthsCard } from './RedFlagsCard.tsx';
import { HealthCard } from './HealthCard.tsx';
import { CriteriaCard } from './CriteriaCard.tsx';
import { CompetitionCard } from './CompetitionCard.tsx';
import { SwotBoard } from '../../swot/SwotBoard.tsx';
import { StageHistory } from './StageHistory.tsx';
import { LineItemsCard } from './LineItemsCard.tsx';
import { DealHistory } from './DealHistory.tsx';
import { TimelineFeed } from '../../timeline/TimelineFeed.tsx';
import { TEXT_SECONDARY } from '../../../components/a11y.ts';

// xyflow only loads for people who open the map.
const RelationshipMapView = lazy(() =>
  import('../../relationship-map/RelationshipMapView.tsx').then((m) => ({ default: m.RelationshipMapView })),
);

const OBJECTIVE: DealField[] = [
  { name: 'objectiveWhat', kind: 'text', max: 500 },
  { name: 'objectiveAmount', kind: 'money' },
  { name: 'objectiveBy', kind: 'date' },
  { name: 'ourPosition', kind: 'longtext' },
  { name: 'nextStep', kind: 'text', max: 500 },
  { name: 'nextStepDate', kind: 'date' },
];
const WIN_WIN: DealField[] = [
  { name: 'ourOutcome', kind: 'longtext' },
  { name: 'customerOutcome', kind: 'longtext' },
  { name: 'winWinOurs', kind: 'bool' },
  { name: 'winWinCustomer', kind: 'bool' },
];

/** The Blue Sheet: one deal's objective, buying influences, red flags and strengths, health, competition. */
export function OpportunityPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const deal = useOpportunity(id);
  const [params, setParams] = useSearchParams();
  const tab =
    params.get('tab') === 'timeline' || params.get('tab') === 'map'
      ? (params.get('tab') as 'timeline' | 'map')
      : 'sheet';

  if (deal.isPending) return <PageSkeleton />;
  if (deal.isError) return <FullPageError error={deal.error} onRetry={() => void deal.refetch()} />;
  const d: OpportunityDetail = deal.data;
  const writable = canWrite(me);
  const reload = () => void deal.refetch();

  return (
    <div data-testid="blue-sheet" data-opportunity-id={d.id}>
      <PageCrumbs
        items={[
          ...accountCrumbs(t, { id: d.accountId, name: d.accountName }),
          { label: t('navigation.crumbs.opportunities'), to: `/accounts/${d.accountId}?tab=opportunities` },
          { label: d.name },
        ]}
      />
      <BlueSheetHeader
        deal={d}
        writable={writable}
        canDelete={
          (me.role === 'admin' || me.role === 'manager' || d.ownerId === me.id) &&
          (me.role !== 'rep' || d.status === 'open')
        }
        onReload={reload}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'sheet' ? {} : { tab: k }, { replace: true })}
        items={[
          {
            key: 'sheet',
            label: <span data-testid="tab-sheet">{t('deals.tab.sheet')}</span>,
            children: <BlueSheet deal={d} writable={writable} onReload={reload} />,
          },
          {
            key: 'map',
            label: <span data-testid="tab-relmap">{t('relmap.tab')}</span>,
            children: (
              <Suspense fallback={<FullPageSpin />}>
                <RelationshipMapView source={{ kind: 'deal', id: d.id }} writable={writable} />
              </Suspense>
            ),
          },
          {
            key: 'timeline',
            label: <span data-testid="tab-timeline">{t('timeline.tab')}</span>,
            children: <TimelineFeed opportunityId={d.id} />,
          },
        ]}
      />
    </div>
  );
}

/** The sheet's cards: objective, win-win, influences, judgement, competition, history. */
function BlueSheet({
  deal: d,
  writable,
  onReload: reload,
}: {
  deal: OpportunityDetail;
  writable: boolean;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} lg={12}>
        <DealFieldsCard
          deal={d}
          title={t('deals.objectiveTitle')}
          extra={<span style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{t('deals.objectiveHint')}</span>}
          fields={OBJECTIVE}
          writable={writable}
          onReload={reload}
          testId="objective"
        />
      </Col>
      <Col xs={24} lg={12}>
        <DealFieldsCard
          deal={d}
          title={t('deals.winWinTitle')}
          fields={WIN_WIN}
          writable={writable}
          onReload={reload}
          testId="win-win"
          banner={
            d.winWin === false && (
              <Alert
                type="warning"
                showIcon
                title={t('deals.winWinWarning')}
                style={{ marginBottom: 8 }}
                data-testid="win-win-warning"
              />
            )
          }
        />
      </Col>
      <Col span={24}>
        <InfluenceGrid deal={d} writable={writable} onReload={reload} />
      </Col>
      <Col xs={24} lg={8}>
        <HealthCard deal={d} />
      </Col>
      <Col xs={24} lg={8}>
        <RedFlagsCard deal={d} writable={writable} />
      </Col>
      <Col xs={24} lg={8}>
        <StrengthsCard deal={d} writable={writable} />
        <div style={{ height: 12 }} />
        <CriteriaCard deal={d} writable={writable && d.status === 'open'} onReload={reload} />
      </Col>
      <Col xs={24} lg={12}>
        <CompetitionCard deal={d} writable={writable} />
      </Col>
      <Col xs={24} lg={12}>
        <LineItemsCard deal={d} />
      </Col>
      <Col span={24}>
        <SwotBoard base={`/api/opportunities/${d.id}`} writable={writable} />
      </Col>
      <Col xs={24} lg={12}>
        <StageHistory deal={d} />
      </Col>
      <Col xs={24} lg={12}>
        <DealHistory id={d.id} accountName={d.accountName} />
      </Col>
    </Row>
  );
}
