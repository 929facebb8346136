import { useState } from 'react';
import { App, Button, Flex, Input, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { Form } from '../../components/Form.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LINK_KINDS, type LinkKind } from '../../../core/enums.ts';
import type { Contact, ContactLinkCreate } from '../../../core/schemas/contacts.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { canWrite, useMe } from '../../lib/session.ts';
import { useContactLinks, useCreateLink, useDeleteLink } from './api.ts';
import { useAccountContacts } from '../../lib/account-pickers.ts';

type LinkValues = { toContactId: string; kind: LinkKind; note?: string };

/** 关系分析表: who this person is tied to, and how (superior, peer, family …). */
export function ContactLinks({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const me = useMe();
  const links = useContactLinks(contact.id);
  const peers = useAccountContacts(contact.accountId);
  const create = useCreateLink();
  const del = useDeleteLink();
  const [form] = Form.useForm<LinkValues>();
  const [adding, setAdding] = useState(false);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const writable = canWrite(me);

  const add = async (v: LinkValues) => {
    const body: ContactLinkCreate = {
      fromContactId: contact.id,
      toContactId: v.toContactId,
      kind: v.kind,
      note: v.note?.trim() || null,
    };
    try {
      await create.mutateAsync(body);
      message.success(t('common.saved'));
      form.resetFields();
      setAdding(false);
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <div data-testid="contact-links">
      <List
        loading={links.isPending}
        dataSource={links.data ?? []}
        locale={{ emptyText: t('contacts.noLinks') }}
        renderItem={(l) => {
          const outgoing = l.fromContactId === contact.id;
          const otherId = outgoing ? l.toContactId : l.fromContactId;
          const otherName = outgoing ? l.toName : l.fromName;
          return (
            <List.Item
              data-testid="contact-link-row"
              actions={
                writable
                  ? [
                      <Popconfirm
                        key="del"
                        title={t('contacts.removeLinkConfirm')}
                        onConfirm={() =>
                          del.mutateAsync(l.id).then(
                            () => void message.success(t('common.deleted')),
                            (e: unknown) => fail(e),
                          )
                        }
                        okText={t('common.remove')}
                        cancelText={t('common.cancel')}
                      >
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('common.remove')}
                        />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <div>
                {outgoing ? (
                  <>
                    <Link to={`/contacts/${otherId}`}>{otherName}</Link>{' '}
                    <Tag color="blue">{t(`enum.linkKind.${l.kind}`)}</Tag>
                  </>
                ) : (
                  <>
                    <Tag color="purple">{t('contacts.linkedBy', { kind: t(`enum.linkKind.${l.kind}`) })}</Tag>{' '}
                    <Link to={`/contacts/${otherId}`}>{otherName}</Link>
                  </>
                )}
                {l.note && <Typography.Text type="secondary"> · {l.note}</Typography.Text>}
              </div>
            </List.Item>
          );
        }}
      />
      {writable && !adding && (
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} style={{ marginTop: 8 }} data-testid="add-link">
          {t('contacts.addLink')}
        </Button>
      )}
      {adding && (
        <Form form={form} layout="vertical" onFinish={add} style={{ marginTop: 12, maxWidth: 520 }}>
          <Form.Item
            name="toContactId"
            label={t('contacts.linkTo')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={peers.isPending}
              options={(peers.data ?? [])
                .filter((p) => p.id !== contact.id)
                .map((p) => ({ value: p.id, label: p.title ? `${p.name}（${p.title}）` : p.name }))}
              placeholder={t('common.choose')}
            />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('contacts.linkKind')}
            rules={[{ required: true, message: t('validation.required') }]}
            extra={t('contacts.linkKindHint', { name: contact.name })}
          >
            <EnumSelect group="linkKind" values={LINK_KINDS} placeholder={t('common.choose')} />
          </Form.Item>
          <Form.Item name="note" label={t('contacts.linkNote')}>
            <Input maxLength={500} />
          </Form.Item>
          <Flex gap={8}>
            <Button onClick={() => setAdding(false)}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('common.save')}
            </Button>
          </Flex>
        </Form>
      )}
    </div>
  );
}
