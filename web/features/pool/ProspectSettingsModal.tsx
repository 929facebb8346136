import { useEffect } from 'react';
import { App, InputNumber, Modal, Typography } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useProspectSettings, usePutProspectSettings } from './api.ts';

/** The share is edited as a percentage, the way the course states it (35%). */
interface Values {
  dropPercent: number;
  claimLimit: number;
}

/** Admins set how much of the prospect list is flagged and how many pool accounts a rep may hold. */
export function ProspectSettingsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const settings = useProspectSettings();
  const put = usePutProspectSettings();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (open && settings.data)
      form.setFieldsValue({
        dropPercent: Math.round(settings.data.dropShare * 1000) / 10,
        claimLimit: settings.data.claimLimit,
      });
  }, [open, settings.data, form]);

  const submit = async (v: Values) => {
    try {
      await put.mutateAsync({ dropShare: Math.round(v.dropPercent * 10) / 1000, claimLimit: v.claimLimit });
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('pool.settingsTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="prospect-settings-form">
        <Form.Item
          name="dropPercent"
          label={t('pool.dropShare')}
          extra={t('pool.dropShareHint')}
          rules={[{ required: true, message: t('pool.dropShareRange') }]}
        >
          <InputNumber<number> min={0.1} max={99.9} step={5} precision={1} suffix="%" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="claimLimit"
          label={t('pool.claimLimit')}
          extra={t('pool.claimLimitHint')}
          rules={[{ required: true, message: t('pool.claimLimitRange') }]}
        >
          <InputNumber<number> min={1} max={10000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary">{t('pool.settingsNote')}</Typography.Text>
    </Modal>
  );
}
