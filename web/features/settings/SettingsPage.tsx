import { useState, type ReactNode } from 'react';
import { Button, Card, Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useScoringModel } from '../scoring/api.ts';
import { ScoringModelDrawer } from '../scoring/ScoringModelDrawer.tsx';
import { useParetoSettings } from '../key-accounts/api.ts';
import { ParetoSettingsModal } from '../key-accounts/ParetoSettingsModal.tsx';
import { useProspectSettings } from '../pool/api.ts';
import { ProspectSettingsModal } from '../pool/ProspectSettingsModal.tsx';
import { CadenceCard } from '../activity-types/CadenceCard.tsx';
import { RetentionSetting } from '../recycle-bin/RetentionSetting.tsx';
import { DealListsCard } from '../opportunities/DealListsCard.tsx';
import { TimeZoneCard } from './TimeZoneCard.tsx';
import { SsoCard } from './SsoCard.tsx';

type Editor = 'scoring' | 'pareto' | 'prospects' | null;

const percent = (share: number) => Math.round(share * 1000) / 10;

/**
 * The organisation's settings on one page (admins only, as every one of them is an admin's write):
 * each card says what is set now and opens the editor its own page uses, so the two never differ.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editor>(null);
  const scoring = useScoringModel().data;
  const pareto = useParetoSettings().data;
  const prospects = useProspectSettings().data;
  const close = () => setEditing(null);

  return (
    <div data-testid="settings-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('settingsPage.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('settingsPage.intro')}</Typography.Paragraph>
      <Row gutter={[12, 12]}>
        <SummaryCard
          id="scoring"
          title={t('scoring.editModel')}
          loading={!scoring}
          onEdit={() => setEditing('scoring')}
          summary={
            scoring &&
            t('settingsPage.scoringSummary', {
              count: scoring.criteria.length,
              a: scoring.tierThresholds.A,
              b: scoring.tierThresholds.B,
            })
          }
        />
        <SummaryCard
          id="pareto"
          title={t('pareto.settingsTitle')}
          loading={!pareto}
          onEdit={() => setEditing('pareto')}
          summary={
            pareto &&
            t('settingsPage.paretoSummary', {
              a: percent(pareto.thresholds.a),
              b: percent(pareto.thresholds.b),
              mode: t(`pareto.mode.${pareto.effort.mode}`),
            })
          }
        />
        <SummaryCard
          id="prospects"
          title={t('pool.settingsTitle')}
          loading={!prospects}
          onEdit={() => setEditing('prospects')}
          summary={
            prospects &&
            t('settingsPage.prospectSummary', { drop: percent(prospects.dropShare), limit: prospects.claimLimit })
          }
        />
        <Col xs={24} lg={12}>
          <Card size="small" title={t('settingsPage.retentionTitle')} data-testid="settings-retention">
            <Typography.Paragraph type="secondary">{t('settingsPage.retentionHint')}</Typography.Paragraph>
            <RetentionSetting />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <TimeZoneCard />
        </Col>
        <Col xs={24}>
          <DealListsCard />
        </Col>
        <Col xs={24}>
          <CadenceCard />
        </Col>
        <Col xs={24} lg={12}>
          <SsoCard />
        </Col>
      </Row>
      <ScoringModelDrawer open={editing === 'scoring'} onClose={close} />
      {/* No ranking on this page to preview new classes against: the Pareto page's button does that. */}
      <ParetoSettingsModal open={editing === 'pareto'} onClose={close} preview={null} />
      <ProspectSettingsModal open={editing === 'prospects'} onClose={close} />
    </div>
  );
}

function SummaryCard({
  id,
  title,
  summary,
  loading,
  onEdit,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  loading: boolean;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Col xs={24} lg={12}>
      <Card
        size="small"
        title={title}
        loading={loading}
        extra={
          <Button size="small" onClick={onEdit} data-testid={`settings-edit-${id}`}>
            {t('settingsPage.edit')}
          </Button>
        }
        data-testid={`settings-${id}`}
      >
        <Typography.Text data-testid={`settings-${id}-summary`}>{summary}</Typography.Text>
      </Card>
    </Col>
  );
}
