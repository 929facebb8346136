import { useEffect } from 'react';
import { App, Input, InputNumber, Modal } from 'antd';
import { FINISHED, Form } from '../../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { FORECAST_CATEGORIES } from '../../../../core/enums.ts';
import type { OpportunityDetail, OpportunityUpdate } from '../../../../core/schemas/deals.ts';
import { EnumSelect } from '../../../components/EnumSelect.tsx';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useUpdateOpportunity } from '../api.ts';

interface Values {
  probability: number;
  probabilityReason?: string | null;
  forecastCategory: OpportunityDetail['forecastCategory'];
}

/** Probability away from the stage default needs a reason (the server says so too, as field probabilityReason). */
export function ProbabilityModal({
  deal,
  stageProbability,
  open,
  onClose,
  onReload,
}: {
  deal: OpportunityDetail;
  stageProbability: number;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateOpportunity();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const probability = Form.useWatch('probability', form);
  const overridden = probability !== undefined && probability !== null && probability !== stageProbability;

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        probability: deal.probability,
        probabilityReason: deal.probabilityReason,
        forecastCategory: deal.forecastCategory,
      });
  }, [open, deal, form]);

  const submit = async (v: Values) => {
    const body: OpportunityUpdate = { version: deal.version };
    if (v.probability !== deal.probability) body.probability = v.probability;
    const reason = v.probability === stageProbability ? null : v.probabilityReason?.trim() || null;
    if (reason !== deal.probabilityReason) body.probabilityReason = reason;
    if (v.forecastCategory !== deal.forecastCategory) body.forecastCategory = v.forecastCategory;
    try {
      if (Object.keys(body).length > 1) await update.mutateAsync({ id: deal.id, body });
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload });
    }
  };

  return (
    <Modal
      open={open}
      title={t('deals.editProbability')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={update.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="probability-form">
        <Form.Item
          name="probability"
          label={t('field.opportunity.probability')}
          extra={t('deals.stageDefault', { value: stageProbability })}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <InputNumber<number>
            min={0}
            max={100}
            precision={0}
            suffix="%"
            style={{ width: 160 }}
            data-testid="probability-input"
          />
        </Form.Item>
        {overridden && (
          <Form.Item
            name="probabilityReason"
            label={t('field.opportunity.probabilityReason')}
            extra={t('deals.probabilityOverride', { value: stageProbability })}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid="probability-reason" />
          </Form.Item>
        )}
        <Form.Item name="forecastCategory" label={t('field.opportunity.forecastCategory')}>
          <EnumSelect group="forecastCategory" values={FORECAST_CATEGORIES} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
