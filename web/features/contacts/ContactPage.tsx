import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, InboxOutlined, MergeCellsOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../core/schemas/contacts.ts';
import { hasGovIntel } from '../../../core/enums.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { PageSkeleton } from '../../components/PageSkeleton.tsx';
import { accountCrumbs, PageCrumbs } from '../../components/PageCrumbs.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { HistoryTimeline } from '../../components/HistoryTimeline.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useAccountOwnership, useArchiveContact, useContact, useContactHistory, useDeleteContact } from './api.ts';
import { GOV_FIELDS } from './formValues.ts';
import { ContactFormDrawer } from './ContactFormDrawer.tsx';
import { ContactLinks } from './ContactLinks.tsx';
import { MergedNotice } from '../merges/MergedNotice.tsx';
import { TimelineFeed } from '../timeline/TimelineFeed.tsx';
import { QuickAddButtons } from '../activities/QuickAddButtons.tsx';
import { useMovedToBin } from '../recycle-bin/useMovedToBin.tsx';
import { MergeContactDialog } from '../merges/MergeContactDialog.tsx';
import { ContactFieldValue, type ContactShownField } from './ContactFieldValue.tsx';

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
  const [merging, setMerging] = useState(false);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const movedToBin = useMovedToBin();

  if (contact.isPending) return <PageSkeleton />;
  if (contact.isError) return <FullPageError error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  const reload = () => void contact.refetch();
  // Merging is an admin's or a manager's, as on the account page (the server checks both are in scope).
  const mayMerge = me.role === 'admin' || me.role === 'manager';

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
            {/* A merged contact comes back only by undoing its merge. */}
            {!c.mergedIntoId && (
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
            )}
            {mayMerge && !c.archived && (
              <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="merge-contact">
                {t('merges.action')}
              </Button>
            )}
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
      {c.mergedIntoId && <MergedNotice kind="contact" survivorId={c.mergedIntoId} useSurvivor={useContact} />}
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
      {merging && <MergeContactDialog target={c} onClose={() => setMerging(false)} />}
    </div>
  );
}

/** A merged contact lives on as its survivor: the page says so and leads there. */
const SHORT: ContactShownField[] = [
  'accountId',
  'title',
  'department',
  'reportsToId',
  'mobile',
  'phone',
  'email',
  'wechat',
  'birthday',
  'influence',
  'attitude',
  'coverage',
  'counterpartId',
];

function ContactDetails({ contact: c }: { contact: Contact }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const item = (key: ContactShownField) => ({
    key,
    label: t(`field.contact.${key}`),
    children: <ContactFieldValue field={key} contact={c} />,
  });
  const government = hasGovIntel(useAccountOwnership(c.accountId).data);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Descriptions size="small" column={mobile ? 1 : { xs: 1, md: 2, xl: 3 }} items={SHORT.map(item)} />
      </Card>
      <Card size="small">
        <Descriptions
          size="small"
          column={1}
          layout="vertical"
          items={(['interests', 'goals', 'notes'] as const).map(item)}
        />
      </Card>
      {government && (
        <Card size="small" title={t('relmap.gov.title')} data-testid="contact-gov">
          <Descriptions size="small" column={1} layout="vertical" items={GOV_FIELDS.map(item)} />
        </Card>
      )}
    </Space>
  );
}
