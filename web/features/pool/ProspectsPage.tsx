import { useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { SettingOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProspectDecision } from '../../../core/enums.ts';
import type { ProspectItem } from '../../../core/schemas/pool.ts';
import { DateText } from '../../components/DateText.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useUrlParams } from '../../lib/url-params.ts';
import { useProspects, useReview } from './api.ts';
import { ProspectSettingsModal } from './ProspectSettingsModal.tsx';
import { LoadMore } from '../../components/LoadMore.tsx';

const PAGE_SIZE = 50;
const REVIEW_COLORS: Record<ProspectDecision, string> = { keep: 'green', pool: 'blue', archive: 'default' };
const DECISIONS: ProspectDecision[] = ['keep', 'pool', 'archive'];

/**
 * 潜在客户筛选: prospects (no won deal and no revenue of ours yet) ranked by key-account score; the bottom share is
 * flagged, as the course says to drop the 35% that bring nothing, and each can be kept, dropped to
 * the shared pool or archived.
 */
export function ProspectsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const p = useUrlParams(['owner'] as const);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const list = useProspects({ owner: p.values.owner }, PAGE_SIZE);
  const review = useReview();
  // Every page carries the whole list's figures; the latest is the freshest.
  const data = list.data?.pages[list.data.pages.length - 1];
  const rows = list.data?.pages.flatMap((x) => x.items) ?? [];
  const writable = canWrite(me);
  const pickOwner = me.role !== 'rep';
  // The share as people write it (35, not 0.35); the exact cut comes from the server (no float products).
  const share = Math.round((data?.dropShare ?? 0) * 1000) / 10;

  const decide = async (r: ProspectItem, decision: ProspectDecision) => {
    try {
      await review.mutateAsync({ id: r.accountId, decision, version: r.version });
      message.success(t(`pool.decided.${decision}`, { name: r.name }));
    } catch (e) {
      fail(e, { onReload: () => void list.refetch() });
    }
  };

  const actions = (r: ProspectItem) => (
    <Space size={4} wrap>
      {DECISIONS.map((d) => (
        <Popconfirm
          key={d}
          title={t(`pool.confirm.${d}`, { name: r.name })}
          okText={t(`pool.decision.${d}`)}
          okButtonProps={{ danger: d !== 'keep' }}
          cancelText={t('common.cancel')}
          onConfirm={() => decide(r, d)}
        >
          <Button
            size="small"
            danger={d === 'archive'}
            type={d === 'pool' ? 'primary' : 'default'}
            ghost={d === 'pool'}
            data-testid={`review-${d}`}
          >
            {t(`pool.decision.${d}`)}
          </Button>
        </Popconfirm>
      ))}
    </Space>
  );

  const columns: ColumnsType<ProspectItem> = [
    {
      key: 'rank',
      title: '#',
      width: 56,
      align: 'right',
      render: (_, r) => <span data-testid="prospect-rank">{r.rank}</span>,
    },
    {
      key: 'name',
      title: t('field.account.name'),
      width: 220,
      render: (_, r) => (
        <div>
          <Link to={`/accounts/${r.accountId}`} data-testid="prospect-name">
            {r.name}
          </Link>
          {r.dropCandidate && (
            <Tag color="red" style={{ marginInlineStart: 6 }} data-testid="drop-candidate">
              {t('pool.dropCandidate')}
            </Tag>
          )}
        </div>
      ),
    },
    { key: 'owner', title: t('field.account.ownerId'), width: 100, render: (_, r) => r.ownerName ?? '—' },
    {
      key: 'score',
      title: t('pool.score'),
      width: 70,
      align: 'right',
      render: (_, r) => r.score ?? <Typography.Text type="secondary">{t('pool.unscored')}</Typography.Text>,
    },
    {
      key: 'tier',
      title: t('field.account.tier'),
      width: 70,
      render: (_, r) => <EnumTag group="tier" value={r.tier} />,
    },
    {
      key: 'review',
      title: t('pool.lastReview'),
      width: 150,
      render: (_, r) =>
        r.review ? (
          <Space size={4} data-testid="prospect-review">
            <Tag color={REVIEW_COLORS[r.review]}>{t(`pool.decision.${r.review}`)}</Tag>
            <DateText value={r.reviewedAt} />
          </Space>
        ) : (
          '—'
        ),
    },
    ...(writable
      ? [{ key: 'actions', title: t('pool.review'), width: 230, render: (_: unknown, r: ProspectItem) => actions(r) }]
      : []),
  ];

  return (
    <div data-testid="prospects-page">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('pool.prospectsTitle')}
        </Typography.Title>
        {me.role === 'admin' && (
          <Button icon={<SettingOutlined />} onClick={() => setSettingsOpen(true)} data-testid="prospect-settings">
            {t('pool.settingsTitle')}
          </Button>
        )}
      </Flex>
      <Typography.Paragraph type="secondary">{t('pool.prospectsHint')}</Typography.Paragraph>
      {pickOwner && (
        <UserSelect
          value={p.values.owner}
          onChange={(v) => p.set('owner', v)}
          placeholder={t('pool.allOwners')}
          style={{ width: mobile ? '100%' : 220, marginBottom: 12 }}
          data-testid="prospect-owner"
        />
      )}
      {list.isError ? (
        <FullPageError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Flex wrap gap={mobile ? 16 : 48}>
              <Statistic title={t('pool.total')} value={data?.total ?? 0} data-testid="prospect-total" />
              <div>
                <Statistic
                  title={t('pool.candidates', { share })}
                  value={data?.dropCandidates ?? 0}
                  valueStyle={{ color: '#cf1322' }}
                  data-testid="prospect-candidates"
                />
                {data && (
                  <Typography.Text type="secondary" data-testid="prospect-cut">
                    {t('pool.cut', { share, total: data.total, cut: data.dropCut, count: data.dropCandidates })}
                  </Typography.Text>
                )}
              </div>
              <Statistic title={t('pool.unscoredCount')} value={data?.unscored ?? 0} />
            </Flex>
          </Card>
          <Table<ProspectItem>
            data-testid="prospects-table"
            rowKey="accountId"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={list.isFetching && !list.isFetchingNextPage}
            scroll={{ x: 900 }}
            onRow={(r) => ({ style: r.dropCandidate ? { background: '#fff1f0' } : undefined })}
            pagination={false}
            locale={{ emptyText: t('pool.noProspects') }}
          />
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoad={() => void list.fetchNextPage()}
            count={rows.length}
            total={data?.total}
          />
        </>
      )}
      {me.role === 'admin' && <ProspectSettingsModal open={settingsOpen} onClose={() => setSettingsOpen(false)} />}
    </div>
  );
}
