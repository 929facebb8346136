import { useState } from 'react';
import { Card, DatePicker, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ChangeKind } from '../../../core/enums.ts';
import type { PipelineChange } from '../../../core/schemas/forecast.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { usePipelineChanges } from '../forecast/api.ts';
import { useStageLabel } from '../stages/stageName.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';

const KIND_COLORS: Record<string, string> = {
  new: 'blue',
  won: 'green',
  lost: 'default',
  moved_forward: 'cyan',
  moved_back: 'orange',
  slipped: 'red',
  pulled_in: 'geekblue',
  amount_up: 'green',
  amount_down: 'volcano',
};

/**
 * What changed in the pipeline since a chosen day (a week ago by default): the count per kind of
 * change, and the deals of the chosen kind — those whose close date was pushed out, to start with.
 */
export function ChangesCard({ teamId }: { teamId?: string }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  // Snapshots keep the stage's Chinese name; the reader's language comes from the funnel by id.
  const stageName = useStageLabel();
  const [since, setSince] = useState(() => dayjs().subtract(7, 'day'));
  const [kind, setKind] = useState<ChangeKind>('slipped');
  const changes = usePipelineChanges({ since: since.format('YYYY-MM-DD'), teamId });
  const slipped = (changes.data?.items ?? []).filter((c) => c.kinds.includes(kind));
  const summary = (changes.data?.summary ?? []).filter((s) => s.count > 0);
  const picker = (
    <DatePicker
      size="small"
      allowClear={false}
      value={since}
      onChange={(d) => d && setSince(d)}
      disabledDate={(d) => d.isAfter(dayjs(), 'day')}
      aria-label={t('dashboard.since')}
      data-testid="changes-since"
    />
  );

  return (
    <Card
      size="small"
      title={t('dashboard.slippedTitle')}
      extra={picker}
      data-testid="slipped-deals"
      loading={changes.isPending}
    >
      {changes.isError ? (
        <FullPageError error={changes.error} onRetry={() => void changes.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {changes.data?.baseline
              ? t('dashboard.changesSince', { date: changes.data.baseline })
              : t('dashboard.noBaseline')}
          </Typography.Paragraph>
          {summary.length > 0 && (
            <Flex wrap gap={4} style={{ marginBottom: 8 }} data-testid="changes-summary">
              {summary.map((s) =>
                s.kind === kind ? (
                  <Tag key={s.kind} color={KIND_COLORS[s.kind]} style={{ fontWeight: 600 }}>
                    {t(`enum.changeKind.${s.kind}`)} {s.count}
                  </Tag>
                ) : (
                  <Tag.CheckableTag key={s.kind} checked={false} onChange={() => setKind(s.kind)}>
                    {t(`enum.changeKind.${s.kind}`)} {s.count}
                  </Tag.CheckableTag>
                ),
              )}
            </Flex>
          )}
          {slipped.length === 0 ? (
            <Empty
              description={kind === 'slipped' ? t('dashboard.noSlipped') : t('dashboard.noChanges')}
              image={Empty.PRESENTED_IMAGE_SIMPLE}
            />
          ) : (
            <Table<PipelineChange>
              rowKey="opportunityId"
              size="small"
              pagination={false}
              dataSource={slipped}
              // A desktop fits the card: the deal's account and owner under its name, long names cut
              // with the whole on hover. A phone scrolls sideways.
              scroll={mobile ? { x: 960 } : undefined}
              data-testid="slipped-table"
              columns={[
                {
                  key: 'name',
                  title: t('field.opportunity.name'),
                  ellipsis: true,
                  render: (_, c) => (
                    <>
                      <Typography.Text ellipsis={{ tooltip: c.name }} style={{ display: 'block' }}>
                        <Link to={`/opportunities/${c.opportunityId}`}>{c.name}</Link>
                      </Typography.Text>
                      <Typography.Text
                        type="secondary"
                        ellipsis={{ tooltip: true }}
                        style={{ display: 'block', fontSize: 12 }}
                      >
                        {c.accountName} · {c.ownerName ?? '—'}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  key: 'stage',
                  title: t('dashboard.stage'),
                  width: mobile ? 190 : 140,
                  render: (_, c) =>
                    `${c.before ? stageName(c.before.stageId, c.before.stageName) : '—'} → ${stageName(c.after.stageId, c.after.stageName)}`,
                },
                {
                  key: 'close',
                  title: t('dashboard.closeDate'),
                  width: mobile ? 190 : 110,
                  render: (_, c) => `${c.before?.expectedCloseDate ?? '—'} → ${c.after.expectedCloseDate ?? '—'}`,
                },
                {
                  key: 'amount',
                  title: t('forecast.amount'),
                  align: 'right',
                  width: mobile ? 140 : 100,
                  render: (_, c) => <MoneyText value={c.after.amount} />,
                },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
