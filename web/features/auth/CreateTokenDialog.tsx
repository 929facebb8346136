import { useState } from 'react';
import { Alert, Checkbox, DatePicker, Input, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import type { TokenCreated } from '../../../core/schemas/tokens.ts';
import { useCreateToken } from './tokens-api.ts';

interface Values {
  name: string;
  readOnly: boolean;
  /** Named as the API's field, so its error (a past day) shows here. */
  expiresAt: Dayjs | null;
}

/**
 * 新建 API 令牌: a name, read-only (the default: most integrations only read), an optional last day.
 * The secret is shown once, here, with a copy button; closing the dialog forgets it.
 */
export function CreateTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateToken();
  const fail = useApiFeedback();
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const close = () => {
    form.resetFields();
    setCreated(null);
    onClose();
  };

  const submit = async (v: Values) => {
    try {
      const token = await create.mutateAsync({
        name: v.name,
        readOnly: v.readOnly,
        // Valid through the chosen day, as a person reads "expires on 31 March".
        expiresAt: v.expiresAt ? v.expiresAt.endOf('day').toISOString() : null,
      });
      setCreated(token);
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Modal
      open={open}
      title={t('tokens.create')}
      onCancel={close}
      onOk={created ? close : () => form.submit()}
      okText={created ? t('tokens.done') : t('tokens.create')}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="token-dialog"
    >
      {created ? (
        <>
          <Alert type="warning" showIcon message={t('tokens.shownOnce')} style={{ marginBottom: 12 }} />
          <Typography.Paragraph
            copyable={{ text: created.token }}
            code
            style={{ wordBreak: 'break-all' }}
            data-testid="token-secret"
          >
            {created.token}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('tokens.usage')}</Typography.Text>
        </>
      ) : (
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ readOnly: true, expiresAt: null }}
          onFinish={submit}
        >
          <Form.Item
            name="name"
            label={t('tokens.name')}
            rules={[{ required: true, whitespace: true, max: 80 }]}
            extra={t('tokens.nameHint')}
          >
            <Input data-testid="token-name" maxLength={80} />
          </Form.Item>
          <Form.Item name="readOnly" valuePropName="checked" extra={t('tokens.readOnlyHint')}>
            <Checkbox data-testid="token-read-only">{t('tokens.readOnly')}</Checkbox>
          </Form.Item>
          <Form.Item name="expiresAt" label={t('tokens.expires')} extra={t('tokens.expiresHint')}>
            <DatePicker style={{ width: '100%' }} data-testid="token-expires" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
