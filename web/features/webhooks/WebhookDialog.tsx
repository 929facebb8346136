import { useEffect, useState } from 'react';
import { Alert, Checkbox, Col, Input, Modal, Row, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { WEBHOOK_EVENTS } from '../../../core/events.ts';
import type { Webhook, WebhookCreate } from '../../../core/schemas/webhooks.ts';
import { useCreateWebhook, useUpdateWebhook } from './api.ts';

interface Values {
  name: string;
  url: string;
  all: boolean;
  events: string[];
  secret: string;
  active: boolean;
}

/** The secret a creation (or a new secret) answered with, shown once with a copy button. */
export function SecretOnce({ secret }: { secret: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="warning" showIcon message={t('webhooks.secretShownOnce')} style={{ marginBottom: 12 }} />
      <Typography.Paragraph
        copyable={{ text: secret }}
        code
        style={{ wordBreak: 'break-all' }}
        data-testid="webhook-secret"
      >
        {secret}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{t('webhooks.docs')}</Typography.Text>
    </>
  );
}

/**
 * 新建 / 编辑推送: the URL, the events (all, or a chosen few), an optional secret of the admin's own
 * (generated otherwise), active. A creation ends on the secret, shown once.
 */
export function WebhookDialog({
  open,
  editing,
  onClose,
}: {
  open: boolean;
  editing: Webhook | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateWebhook();
  const update = useUpdateWebhook();
  const fail = useApiFeedback();
  const [secret, setSecret] = useState<string | null>(null);
  const all = Form.useWatch('all', form);

  // The form mounts afresh at each opening (destroyOnHidden, no forceRender): its values start from these,
  // and its one-save guard (components/Form.tsx) starts over too, as the robots' dialog does.
  const initial: Values = editing
    ? {
        name: editing.name,
        url: editing.url,
        all: editing.events.includes('*'),
        events: editing.events.filter((e) => e !== '*'),
        secret: '',
        active: editing.active,
      }
    : { name: '', url: '', all: false, events: ['deal.won'], secret: '', active: true };
  // The secret a creation answered with belongs to that opening only.
  useEffect(() => {
    if (!open) setSecret(null);
  }, [open]);

  const submit = async (v: Values) => {
    const body = {
      name: v.name.trim(),
      url: v.url.trim(),
      events: (v.all ? ['*'] : v.events) as WebhookCreate['events'],
      active: v.active,
      ...(v.secret ? { secret: v.secret } : {}),
    };
    try {
      if (editing) {
        await update.mutateAsync({ id: editing.id, version: editing.version, ...body });
        onClose();
      } else setSecret((await create.mutateAsync(body)).secret);
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Modal
      open={open}
      title={editing ? t('webhooks.edit') : t('webhooks.create')}
      onCancel={onClose}
      onOk={secret ? onClose : () => form.submit()}
      okText={secret ? t('webhooks.done') : t('common.save')}
      cancelButtonProps={{ style: secret ? { display: 'none' } : undefined }}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      data-testid="webhook-dialog"
    >
      {secret ? (
        <SecretOnce secret={secret} />
      ) : (
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit}>
          <Form.Item
            name="url"
            label={t('webhooks.url')}
            extra={t('webhooks.urlHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input data-testid="webhook-url" placeholder="https://erp.example.com/openkam" inputMode="url" />
          </Form.Item>
          <Form.Item name="name" label={t('webhooks.name')} extra={t('webhooks.nameHint')} rules={[{ max: 80 }]}>
            <Input data-testid="webhook-name" maxLength={80} />
          </Form.Item>
          <Form.Item name="all" valuePropName="checked" label={t('webhooks.events')} style={{ marginBottom: 8 }}>
            <Checkbox data-testid="webhook-all-events">{t('webhooks.allEvents')}</Checkbox>
          </Form.Item>
          {!all && (
            <Form.Item name="events" rules={[{ required: true, type: 'array', min: 1 }]}>
              <Checkbox.Group style={{ width: '100%' }}>
                <Row gutter={[8, 4]}>
                  {WEBHOOK_EVENTS.map((e) => (
                    <Col key={e} xs={24} sm={12}>
                      <Checkbox value={e} data-testid={`webhook-event-${e}`}>
                        {t(`webhooks.event.${e}`)}
                      </Checkbox>
                    </Col>
                  ))}
                </Row>
              </Checkbox.Group>
            </Form.Item>
          )}
          {!editing && (
            <Form.Item
              name="secret"
              label={t('webhooks.secret')}
              extra={t('webhooks.secretHint')}
              rules={[{ min: 16, max: 200 }]}
            >
              <Input.Password data-testid="webhook-secret-input" autoComplete="new-password" />
            </Form.Item>
          )}
          <Form.Item name="active" valuePropName="checked" label={t('webhooks.active')}>
            <Switch data-testid="webhook-active" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
