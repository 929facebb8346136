import { Card, Empty, Flex, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PipelineChange } from '../../../core/schemas/forecast.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { MoneyText } from '../../components/MoneyText.tsx';
import { usePipelineChanges } from '../forecast/api.ts';

const KIND_COLORS: Record<string, string> = {
  new: 'blue', won: 'green', lost: 'default', moved_forward: 'cyan', moved_back: 'orange', slipped: 'red', pulled_in: 'geekblue', amount_up: 'green', amount_down: 'volcano',
};

/** What changed in the pipeline this week, and the deals whose close date was pushed out. */
export function ChangesCard({ teamId }: { teamId?: string }) {
  const { t } = useTranslation();
  const since = dayjs().subtract(7, 'day').format('YYYY-MM-DD');
  const changes = usePipelineChanges({ since, teamId });
  const slipped = (changes.data?.items ?? []).filter((c) => c.kinds.includes('slipped'));
  const summary = (changes.data?.summary ?? []).filter((s) => s.count > 0);

  return (
    <Card size="small" title={t('dashboard.slippedTitle')} data-testid="slipped-deals" loading={changes.isPending}>
      {changes.isError ? (
        <FullPageError error={changes.error} onRetry={() => void changes.refetch()} />
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {changes.data?.baseline ? t('dashboard.changesSince', { date: changes.data.baseline }) : t('dashboard.noBaseline')}
          </Typography.Paragraph>
          {summary.length > 0 && (
            <Flex wrap gap={4} style={{ marginBottom: 8 }} data-testid="changes-summary">
              {summary.map((s) => (
                <Tag key={s.kind} color={KIND_COLORS[s.kind]}>
                  {t(`enum.changeKind.${s.kind}`)} {s.count}
                </Tag>
              ))}
            </Flex>
          )}
          {slipped.length === 0 ? (
            <Empty description={t('dashboard.noSlipped')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Table<PipelineChange>
              rowKey="opportunityId"
              size="small"
              pagination={false}
              dataSource={slipped}
              scroll={{ x: 620 }}
              data-testid="slipped-table"
              columns={[
                { key: 'name', title: t('field.opportunity.name'), render: (_, c) => <Link to={`/opportunities/${c.opportunityId}`}>{c.name}</Link> },
                { key: 'account', title: t('field.opportunity.accountId'), render: (_, c) => c.accountName },
                { key: 'owner', title: t('field.opportunity.ownerId'), width: 100, render: (_, c) => c.ownerName ?? '—' },
                { key: 'close', title: t('dashboard.closeDate'), width: 200, render: (_, c) => `${c.before?.expectedCloseDate ?? '—'} → ${c.after.expectedCloseDate ?? '—'}` },
                { key: 'amount', title: t('forecast.amount'), align: 'right', width: 140, render: (_, c) => <MoneyText value={c.after.amount} /> },
              ]}
            />
          )}
        </>
      )}
    </Card>
  );
}
