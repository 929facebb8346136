import { useEffect } from 'react';
import { App, Button, Drawer, Flex, InputNumber, Typography, type FormInstance } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isBanded, modelIssues, type Criterion, type Measure, type ScoringModel } from '../../../core/scoring.ts';
import { normaliseMoney } from '../../lib/money.ts';
import { toNamePath } from '../../lib/form-errors.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useSaveScoringModel, useScoringModel } from './api.ts';
import { CriterionCard } from './CriterionCard.tsx';

/** Only the scale the field uses is sent; money bounds as typed people write them ("1,000,000"). */
function cleanedMeasure(m: Measure): Measure {
  if (isBanded(m.field))
    return {
      field: m.field,
      scale: {
        bands: (m.scale?.bands ?? []).map((b) => ({ min: normaliseMoney(b.min) ?? '0', points: b.points ?? 0 })),
      },
    };
  const points = Object.fromEntries(Object.entries(m.scale?.points ?? {}).filter(([, v]) => typeof v === 'number'));
  return { field: m.field, scale: { points } };
}

/** A criterion without further figures is sent without `alternatives`, as models were saved before the larger of. */
function cleaned(model: ScoringModel): ScoringModel {
  return {
    tierThresholds: model.tierThresholds,
    criteria: model.criteria.map((c): Criterion => {
      const alternatives = (c.alternatives ?? []).map(cleanedMeasure);
      return {
        key: c.key,
        ...cleanedMeasure(c),
        weight: c.weight ?? 0,
        ...(c.label ? { label: c.label } : {}),
        ...(alternatives.length ? { alternatives } : {}),
      };
    }),
  };
}

/** The admin's model editor: criteria with their weights and scales, the live sum of weights, tier thresholds. */
export function ScoringModelDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const [form] = Form.useForm<ScoringModel>();
  const model = useScoringModel();
  const save = useSaveScoringModel();
  const criteria = Form.useWatch('criteria', form) as Criterion[] | undefined;
  const sum = (criteria ?? []).reduce((s, c) => s + (c?.weight ?? 0), 0);

  useEffect(() => {
    if (open && model.data) form.setFieldsValue(structuredClone(model.data));
  }, [open, model.data, form]);

  const submit = async (values: ScoringModel) => {
    const body = cleaned(values);
    // The same rules as the server (core/scoring), shown before a round trip.
    const issues = modelIssues(body).filter((i) => i.path !== 'criteria');
    if (issues.length) {
      const text = (code: string) => t(`scoring.issue.${code}`, { defaultValue: t('scoring.issue.invalid') });
      (form as FormInstance).setFields(issues.map((i) => ({ name: toNamePath(i.path), errors: [text(i.code)] })));
      // Some paths (a criterion's empty scale) have no input of their own to show the error under.
      message.error(text(issues[0].code));
      return;
    }
    try {
      await save.mutateAsync(body);
      message.success(t('scoring.modelSaved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('scoring.editModel')}
      size={mobile ? '100%' : 720}
      destroyOnHidden
      extra={
        <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="scoring-model-save">
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="scoring-model-form">
        <Typography.Paragraph type={sum === 100 ? 'success' : 'danger'} strong data-testid="scoring-weight-sum">
          {t('scoring.weightSum', { sum })}
        </Typography.Paragraph>
        <Form.List
          name="criteria"
          rules={[
            {
              validator: async (_, list: Criterion[] | undefined) => {
                const s = (list ?? []).reduce((n, c) => n + (c?.weight ?? 0), 0);
                if (s !== 100) throw new Error(t('scoring.issue.weights_sum', { sum: s }));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <CriterionCard key={f.key} form={form} index={f.name} onRemove={() => remove(f.name)} />
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    key: `custom${fields.length + 1}`,
                    field: 'annualRevenue',
                    weight: 0,
                    scale: { bands: [{ min: '0', points: 0 }] },
                  })
                }
                data-testid="scoring-add-criterion"
              >
                {t('scoring.addCriterion')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex gap={12} wrap style={{ marginTop: 16 }}>
          <Form.Item name={['tierThresholds', 'A']} label={t('scoring.thresholdA')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
          <Form.Item name={['tierThresholds', 'B']} label={t('scoring.thresholdB')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        </Flex>
      </Form>
    </Drawer>
  );
}
