import { Card, Empty, Flex, List, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactListItem } from '../../../core/schemas/contacts.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { EnumTag } from '../../components/EnumTag.tsx';
import { AttitudeTag } from '../../components/AttitudeTag.tsx';
import { DateText } from '../../components/DateText.tsx';
import { ChoosableTable } from '../../components/ColumnChooser.tsx';
import { TelLink } from '../../components/ContactChannel.tsx';

interface Props {
  rows: ContactListItem[];
  loading: boolean;
  showAccount?: boolean;
  testId: string;
  /** Set on the main list page: the user's columns and widths (preferences.tables[tableKey]). */
  tableKey?: string;
}

/** Table on wide screens, cards on phones, so 390 px stays readable without sideways scrolling. */
export function ContactTable({ rows, loading, showAccount = true, testId, tableKey }: Props) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const empty = <Empty description={t('contacts.empty')} />;

  if (mobile) {
    return (
      <List
        data-testid={testId}
        loading={loading}
        dataSource={rows}
        locale={{ emptyText: empty }}
        renderItem={(c) => (
          <Card size="small" style={{ marginBottom: 8 }} data-testid="contact-card">
            <Flex justify="space-between" align="center">
              <Link to={`/contacts/${c.id}`} data-testid="contact-link" style={{ fontWeight: 600 }}>
                {c.name}
              </Link>
              <AttitudeTag value={c.attitude} />
            </Flex>
            <div style={{ color: '#666', fontSize: 12, marginTop: 4 }}>
              {[c.title, c.department, showAccount ? c.accountName : null].filter(Boolean).join(' · ') || '—'}
            </div>
            <Flex wrap gap={4} align="center" style={{ marginTop: 6 }}>
              {c.influence && <EnumTag group="influence" value={c.influence} />}
              <EnumTag group="coverage" value={c.coverage} />
              {c.mobile && <TelLink number={c.mobile} />}
              {c.archived && <Tag>{t('common.archived')}</Tag>}
            </Flex>
          </Card>
        )}
      />
    );
  }

  const columns: ColumnsType<ContactListItem> = [
    {
      key: 'name',
      title: t('field.contact.name'),
      fixed: 'left',
      width: 140,
      render: (_, c) => (
        <>
          <Link to={`/contacts/${c.id}`} data-testid="contact-link">
            {c.name}
          </Link>
          {c.archived && <Tag style={{ marginInlineStart: 6 }}>{t('common.archived')}</Tag>}
        </>
      ),
    },
    { key: 'title', title: t('field.contact.title'), width: 140, render: (_, c) => c.title ?? '—' },
    { key: 'department', title: t('field.contact.department'), width: 120, render: (_, c) => c.department ?? '—' },
    ...(showAccount
      ? [
          {
            key: 'account',
            title: t('field.contact.accountId'),
            width: 200,
            render: (_: unknown, c: ContactListItem) => <Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link>,
          },
        ]
      : []),
    { key: 'reportsTo', title: t('field.contact.reportsToId'), width: 110, render: (_, c) => c.reportsToName ?? '—' },
    {
      key: 'mobile',
      title: t('field.contact.mobile'),
      width: 130,
      render: (_, c) => (c.mobile ? <TelLink number={c.mobile} /> : '—'),
    },
    {
      key: 'influence',
      title: t('field.contact.influence'),
      width: 90,
      render: (_, c) => <EnumTag group="influence" value={c.influence} />,
    },
    {
      key: 'attitude',
      title: t('field.contact.attitude'),
      width: 90,
      render: (_, c) => <AttitudeTag value={c.attitude} />,
    },
    {
      key: 'coverage',
      title: t('field.contact.coverage'),
      width: 100,
      render: (_, c) => <EnumTag group="coverage" value={c.coverage} />,
    },
    {
      key: 'counterpart',
      title: t('field.contact.counterpartId'),
      width: 110,
      render: (_, c) => c.counterpartName ?? '—',
    },
    {
      key: 'updatedAt',
      title: t('field.common.updatedAt'),
      width: 110,
      render: (_, c) => <DateText value={c.updatedAt} />,
    },
  ];
  return (
    <ChoosableTable<ContactListItem>
      tableKey={tableKey}
      data-testid={testId}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: 1200 }}
      locale={{ emptyText: empty }}
    />
  );
}
