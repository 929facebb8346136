import { useState } from 'react';
import { Button, Card, Empty, Flex, List, Popconfirm, Segmented, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { KeyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Token } from '../../../core/schemas/tokens.ts';
import { useMe } from '../../lib/session.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { CreateTokenDialog } from './CreateTokenDialog.tsx';
import { useRevokeToken, useTokens } from './tokens-api.ts';

/**
 * API 令牌: what lets another system (the ERP, a BI tool) use the API as you, with your data scope.
 * Everyone keeps their own; an admin also sees every member's and can revoke any (a leaver's, a leak).
 */
export function TokensPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const mobile = useIsMobile();
  const [all, setAll] = useState(false);
  const [creating, setCreating] = useState(false);
  const tokens = useTokens(all);
  const revoke = useRevokeToken();
  const fail = useApiFeedback();
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '—';

  const state = (x: Token) =>
    x.active ? (
      <Tag color="green">{t('tokens.active')}</Tag>
    ) : (
      <Tag>{x.revokedAt ? t('tokens.revoked') : t('tokens.expired')}</Tag>
    );
  const access = (x: Token) => (x.readOnly ? t('tokens.readOnlyShort') : t('tokens.readWrite'));
  const revokeButton = (x: Token) =>
    x.active ? (
      <Popconfirm
        title={t('tokens.revokeConfirm', { name: x.name })}
        onConfirm={() => revoke.mutateAsync(x.id).catch((e: unknown) => fail(e))}
      >
        <Button size="small" danger data-testid="token-revoke">
          {t('tokens.revoke')}
        </Button>
      </Popconfirm>
    ) : null;

  const columns: ColumnsType<Token> = [
    { key: 'name', title: t('tokens.name'), render: (_, x) => x.name },
    ...(all ? [{ key: 'user', title: t('tokens.user'), render: (_: unknown, x: Token) => x.userName }] : []),
    { key: 'access', title: t('tokens.access'), render: (_, x) => access(x) },
    {
      key: 'expires',
      title: t('tokens.expires'),
      render: (_, x) => (x.expiresAt ? when(x.expiresAt) : t('tokens.never')),
    },
    { key: 'used', title: t('tokens.lastUsed'), render: (_, x) => when(x.lastUsedAt) },
    { key: 'state', title: t('tokens.state'), render: (_, x) => state(x) },
    { key: 'revoke', width: 90, render: (_, x) => revokeButton(x) },
  ];

  if (tokens.isError) return <FullPageError error={tokens.error} />;
  const items = tokens.data ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('tokens.title')}
        </Typography.Title>
        <Flex gap={8} wrap>
          {me.role === 'admin' && (
            <Segmented<'mine' | 'all'>
              value={all ? 'all' : 'mine'}
              onChange={(v) => setAll(v === 'all')}
              options={[
                { value: 'mine', label: t('tokens.mine') },
                { value: 'all', label: t('tokens.everyone') },
              ]}
              data-testid="tokens-scope"
            />
          )}
          <Button type="primary" icon={<KeyOutlined />} onClick={() => setCreating(true)} data-testid="token-create">
            {t('tokens.create')}
          </Button>
        </Flex>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('tokens.intro')}
      </Typography.Paragraph>
      {mobile ? (
        <List
          loading={tokens.isLoading}
          dataSource={items}
          locale={{ emptyText: <Empty description={t('tokens.none')} /> }}
          renderItem={(x) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid="token-card">
              <Flex justify="space-between" align="start" gap={8}>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{x.name}</Typography.Text> {state(x)}
                  <div>
                    {all ? `${x.userName} · ` : ''}
                    {access(x)}
                  </div>
                  <Typography.Text type="secondary">
                    {t('tokens.lastUsed')}: {when(x.lastUsedAt)}
                  </Typography.Text>
                </div>
                {revokeButton(x)}
              </Flex>
            </Card>
          )}
        />
      ) : (
        <Table<Token>
          rowKey="id"
          size="small"
          loading={tokens.isLoading}
          columns={columns}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: <Empty description={t('tokens.none')} /> }}
          data-testid="tokens-table"
        />
      )}
      <CreateTokenDialog open={creating} onClose={() => setCreating(false)} />
    </Flex>
  );
}
