import { useEffect } from 'react';
import { App, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import type { ParetoItem, ParetoSettings } from '../../../core/schemas/key-accounts.ts';
import { pareto } from '../../../core/pareto.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useParetoSettings, usePutParetoSettings } from './api.ts';

/** Shares are edited as percentages, the way the course states them (80%, 30% of the time). */
interface Values {
  a: number;
  b: number;
  mode: ParetoSettings['effort']['mode'];
  A?: number;
  B?: number;
  C?: number;
}

const toPercent = (share: number) => Math.round(share * 10_000) / 100;
const toShare = (percent: number) => Math.round(percent * 100) / 10_000;

/**
 * Admins set the ABC thresholds and how effort is recommended. When the ranking on screen holds
 * every account, the new classes are previewed with core/pareto before saving.
 */
export function ParetoSettingsModal({
  open,
  onClose,
  preview,
}: {
  open: boolean;
  onClose: () => void;
  preview: ParetoItem[] | null;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const settings = useParetoSettings();
  const put = usePutParetoSettings();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const a = Form.useWatch('a', form);
  const b = Form.useWatch('b', form);
  const mode = Form.useWatch('mode', form);

  useEffect(() => {
    const s = settings.data;
    if (!open || !s) return;
    const shares = s.effort.shares;
    form.setFieldsValue({
      a: toPercent(s.thresholds.a),
      b: toPercent(s.thresholds.b),
      mode: s.effort.mode,
      A: shares && toPercent(shares.A),
      B: shares && toPercent(shares.B),
      C: shares && toPercent(shares.C),
    });
  }, [open, settings.data, form]);

  const submit = async (v: Values) => {
    const effort: ParetoSettings['effort'] =
      v.mode === 'fixed'
        ? { mode: 'fixed', shares: { A: toShare(v.A ?? 0), B: toShare(v.B ?? 0), C: toShare(v.C ?? 0) } }
        : { mode: 'revenue' };
    try {
      await put.mutateAsync({ thresholds: { a: toShare(v.a), b: toShare(v.b) }, effort });
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  const counts =
    preview && typeof a === 'number' && typeof b === 'number' && a < b
      ? pareto(
          preview.map((i) => ({ id: i.id, value: i.value })),
          { a: toShare(a), b: toShare(b) },
        ).classes
      : null;
  const percentInput = (
    <InputNumber<number> min={0.01} max={99.99} step={5} precision={2} suffix="%" style={{ width: 140 }} />
  );

  return (
    <Modal
      open={open}
      title={t('pareto.settingsTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={put.isPending}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="pareto-settings-form">
        <Space wrap>
          <Form.Item
            name="a"
            label={t('pareto.thresholdA')}
            rules={[{ required: true, message: t('pareto.thresholdRange') }]}
          >
            {percentInput}
          </Form.Item>
          <Form.Item
            name="b"
            label={t('pareto.thresholdB')}
            dependencies={['a']}
            rules={[
              { required: true, message: t('pareto.thresholdRange') },
              ({ getFieldValue }) => ({
                validator: (_, v: number) =>
                  v > getFieldValue('a') ? Promise.resolve() : Promise.reject(new Error(t('pareto.thresholdOrder'))),
              }),
            ]}
          >
            {percentInput}
          </Form.Item>
        </Space>
        {counts && (
          <Typography.Paragraph type="secondary" data-testid="pareto-settings-preview">
            {t('pareto.preview', { a: counts[0].accounts, b: counts[1].accounts, c: counts[2].accounts })}
          </Typography.Paragraph>
        )}
        <Form.Item name="mode" label={t('pareto.effortMode')} extra={t('pareto.effortModeHint')}>
          <Radio.Group
            options={(['revenue', 'fixed'] as const).map((m) => ({ value: m, label: t(`pareto.mode.${m}`) }))}
          />
        </Form.Item>
        {mode === 'fixed' && (
          <Space wrap>
            {(['A', 'B', 'C'] as const).map((tier) => (
              <Form.Item
                key={tier}
                name={tier}
                label={t('pareto.tierShare', { tier })}
                rules={[{ required: true, message: t('pareto.shareRequired') }]}
              >
                <InputNumber<number> min={0} max={100} step={5} precision={2} suffix="%" style={{ width: 120 }} />
              </Form.Item>
            ))}
          </Space>
        )}
      </Form>
    </Modal>
  );
}
