import { useState } from 'react';
import { App, Input, Modal } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import type { ChangePasswordBody } from '../../../core/schemas/org.ts';
import { api } from '../../lib/api.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';

type Values = ChangePasswordBody & { confirm: string };

export function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const fail = useApiFeedback();

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await api.post('/api/auth/password', { currentPassword: v.currentPassword, newPassword: v.newPassword });
      message.success(t('auth.passwordChanged'));
      form.resetFields();
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      okText={t('common.save')}
      cancelText={t('common.cancel')}
    >
      <Form form={form} onFinish={submit} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('auth.currentPassword')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          rules={[{ required: true, min: 8, message: t('validation.password') }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_, value: string) =>
                !value || getFieldValue('newPassword') === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
