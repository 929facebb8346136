import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../core/schemas/contacts.ts';
import { hasGovIntel } from '../../../core/enums.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { MailLink, TelLink } from '../../components/ContactChannel.tsx';
import { accountCrumbs, PageCrumbs } from '../../components/PageCrumbs.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { EnumTag } from '../../components/EnumTag.tsx';
import { AttitudeTag } from '../../components/AttitudeTag.tsx';
import { DateText } from '../../components/DateText.tsx';
import { HistoryTimeline } from '../../components/HistoryTimeline.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useAccountOwnership, useArchiveContact, useContact, useContactHistory, useDeleteContact } from './api.ts';
import { GOV_FIELDS } from './formValues.ts';
import { ContactFormDrawer } from './ContactFormDrawer.tsx';
import { ContactLinks } from './ContactLinks.tsx';
import { TimelineFeed } from '../timeline/TimelineFeed.tsx';
import { QuickAddButtons } from '../activities/QuickAddButtons.tsx';
import { useMovedToBin } from '../recycle-bin/useMovedToBin.tsx';

export function ContactPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const contact = useContact(id);
  const history = useContactHistory(id);
  const archive = useArchiveContact(id);
  const del = useDeleteContact(id);
  const [editing, setEditing] = useState(false);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const movedToBin = useMovedToBin();

  if (contact.isPending) return <PageSkeleton />;
  if (contact.isError) return <FullPageError error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  const reload = () => void contact.refetch();

  const toggleArchive = async () => {
    try {
      await archive.mutateAsync({ version: c.version, restore: c.archived });
      message.success(c.archived ? t('common.restored') : t('common.archivedDone'));
    } catch (e) {
      fail(e, { onReload: reload });
    }
  };
  const remove = async () => {
    try {
      await del.mutateAsync(undefined);
      movedToBin('contact', c.id);
      navigate(`/accounts/${c.accountId}?tab=contacts`, { replace: true });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div data-testid="contact-page">
      <PageCrumbs
        items={[
          ...accountCrumbs(t, { id: c.accountId, name: c.accountName }),
          { label: t('navigation.crumbs.contacts'), to: `/accounts/${c.accountId}?tab=contacts` },
          { label: c.name },
        ]}
      />
      <Flex justify="space-between" align="flex-start" wrap gap={8} style={{ marginBottom: 8 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="contact-title">
            {c.name} {c.archived && <Tag>{t('common.archived')}</Tag>}
          </Typography.Title>
          <Typography.Text type="secondary">
            {[c.title, c.department].filter(Boolean).join(' · ')} {c.title || c.department ? '·' : ''}{' '}
            <Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link>
          </Typography.Text>
        </div>
        {canWrite(me) && (
          <Space wrap>
            {!c.archived && <QuickAddButtons accountId={c.accountId} accountName={c.accountName} contactId={c.id} />}
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="edit-contact">
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={c.archived ? t('contacts.restoreConfirm') : t('contacts.archiveConfirm')}
              onConfirm={() => void toggleArchive()}
              okText={t('common.confirm')}
              cancelText={t('common.cancel')}
            >
              <Button icon={c.archived ? <RollbackOutlined /> : <InboxOutlined />} loading={archive.isPending}>
                {c.archived ? t('common.restore') : t('common.archive')}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={t('contacts.deleteConfirm')}
              onConfirm={() => void remove()}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
            >
              <Button danger icon={<DeleteOutlined />} loading={del.isPending} data-testid="delete-contact">
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Space>
        )}
      </Flex>
      <Tabs
        items={[
          { key: 'profile', label: t('contacts.tab.profile'), children: <ContactDetails contact={c} /> },
          {
            key: 'links',
            label: <span data-testid="tab-links">{t('contacts.tab.links')}</span>,
            children: <ContactLinks contact={c} />,
          },
          {
            key: 'timeline',
            label: <span data-testid="tab-timeline">{t('timeline.tab')}</span>,
            children: <TimelineFeed contactId={c.id} />,
          },
          {
            key: 'history',
            label: t('contacts.tab.history'),
            children: <HistoryTimeline entity="contact" query={history} />,
          },
        ]}
      />
      <ContactFormDrawer open={editing} onClose={() => setEditing(false)} contact={c} onReload={reload} />
    </div>
  );
}

function ContactDetails({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const text = (v: string | null) => v || '—';
  const items = [
    { key: 'accountId', children: <Link to={`/accounts/${c.accountId}`}>{c.accountName}</Link> },
    { key: 'title', children: text(c.title) },
    { key: 'department', children: text(c.department) },
    {
      key: 'reportsToId',
      children: c.reportsToId ? <Link to={`/contacts/${c.reportsToId}`}>{c.reportsToName ?? c.reportsToId}</Link> : '—',
    },
    { key: 'mobile', children: c.mobile ? <TelLink number={c.mobile} /> : '—' },
    { key: 'phone', children: c.phone ? <TelLink number={c.phone} /> : '—' },
    { key: 'email', children: c.email ? <MailLink email={c.email} /> : '—' },
    { key: 'wechat', children: text(c.wechat) },
    { key: 'birthday', children: <DateText value={c.birthday} /> },
    { key: 'influence', children: <EnumTag group="influence" value={c.influence} /> },
    { key: 'attitude', children: <AttitudeTag value={c.attitude} /> },
    { key: 'coverage', children: <EnumTag group="coverage" value={c.coverage} /> },
    { key: 'counterpartId', children: text(c.counterpartName) },
  ];
  const long = (['interests', 'goals', 'notes'] as const).map((k) => ({
    key: k,
    children: <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text(c[k])}</Typography.Paragraph>,
  }));
  const government = hasGovIntel(useAccountOwnership(c.accountId).data);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions
          size="small"
          column={mobile ? 1 : { xs: 1, md: 2, xl: 3 }}
          items={items.map((i) => ({ ...i, label: t(`field.contact.${i.key}`) }))}
        />
      </Card>
      <Card size="small">
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          items={long.map((i) => ({ ...i, label: t(`field.contact.${i.key}`) }))}
        />
      </Card>
      {government && (
        <Card size="small" title={t('relmap.gov.title')} data-testid="contact-gov">
          <Descriptions
            size="small"
            column={1}
            layout="vertical"
            items={GOV_FIELDS.map((k) => ({
              key: k,
              label: t(`field.contact.${k}`),
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text(c[k])}</Typography.Paragraph>
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
