import { Card, Divider, Empty, Tag, Typography } from 'antd';
import { FlagFilled, WarningFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { NoteList } from './NoteList.tsx';

export const SEVERITY_COLORS: Record<'high' | 'medium' | 'low', string> = {
  high: 'red',
  medium: 'orange',
  low: 'gold',
};

/**
 * Computed risk warnings (already in the reader's language) and the risks noted by hand. A warning
 * sign, not a flag: in the course a little red flag (小红旗) marks a strength.
 */
export function RedFlagsCard({ deal, writable }: { deal: OpportunityDetail; writable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('deals.redFlagsTitle')} data-testid="red-flags">
      {deal.redFlags.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.noRedFlags')} />
      ) : (
        deal.redFlags.map((f, k) => (
          <div
            key={`${f.code}-${k}`}
            data-testid="red-flag"
            data-code={f.code}
            data-severity={f.severity}
            style={{ display: 'flex', gap: 8, alignItems: 'baseline', padding: '4px 0' }}
          >
            <Tag color={SEVERITY_COLORS[f.severity]} style={{ flex: 'none' }}>
              <WarningFilled /> {t(`enum.severity.${f.severity}`)}
            </Tag>
            <span>{f.message}</span>
          </div>
        ))
      )}
      <Divider titlePlacement="start" plain style={{ margin: '12px 0 4px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('deals.manualNotes')}
        </Typography.Text>
      </Divider>
      <NoteList deal={deal} kind="red_flag" writable={writable} icon={<WarningFilled style={{ color: '#cf1322' }} />} />
    </Card>
  );
}

export function StrengthsCard({ deal, writable }: { deal: OpportunityDetail; writable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('deals.strengthsTitle')} data-testid="strengths">
      <NoteList deal={deal} kind="strength" writable={writable} icon={<FlagFilled style={{ color: '#cf1322' }} />} />
    </Card>
  );
}
