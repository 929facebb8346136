import { useEffect } from 'react';
import { App, Button, Card, Drawer, Flex, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SCORING_FIELDS, type ScoringField } from '../../../core/enums.ts';
import { isBanded, modelIssues, POINT_KEYS, type Criterion, type ScoringModel } from '../../../core/scoring.ts';
import { normaliseMoney } from '../../lib/money.ts';
import { toNamePath } from '../../lib/form-errors.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useSaveScoringModel, useScoringModel } from './api.ts';
import { criterionLabel } from './labels.ts';

/** Only the scale the field uses is sent; money bounds as typed people write them ("1,000,000"). */
function cleaned(model: ScoringModel): ScoringModel {
  return {
    tierThresholds: model.tierThresholds,
    criteria: model.criteria.map((c): Criterion => {
      const base = { key: c.key, field: c.field, weight: c.weight ?? 0, ...(c.label ? { label: c.label } : {}) };
      if (isBanded(c.field)) return { ...base, scale: { bands: (c.scale?.bands ?? []).map((b) => ({ min: normaliseMoney(b.min) ?? '0', points: b.points ?? 0 })) } };
      const points = Object.fromEntries(Object.entries(c.scale?.points ?? {}).filter(([, v]) => typeof v === 'number'));
      return { ...base, scale: { points } };
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
          rules={[{ validator: async (_, list: Criterion[] | undefined) => { const s = (list ?? []).reduce((n, c) => n + (c?.weight ?? 0), 0); if (s !== 100) throw new Error(t('scoring.issue.weights_sum', { sum: s })); } }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f) => (
                <CriterionCard key={f.key} form={form} index={f.name} onRemove={() => remove(f.name)} />
              ))}
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => add({ key: `custom${fields.length + 1}`, field: 'annualRevenue', weight: 0, scale: { bands: [{ min: '0', points: 0 }] } })} data-testid="scoring-add-criterion">
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

function CriterionCard({ form, index, onRemove }: { form: FormInstance<ScoringModel>; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const field = Form.useWatch(['criteria', index, 'field'], form) as ScoringField | undefined;
  const key = Form.useWatch(['criteria', index, 'key'], form) as string | undefined;
  const label = Form.useWatch(['criteria', index, 'label'], form) as string | undefined;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={field ? criterionLabel(t, { key: key ?? '', label: label ?? null, field }) : null}
      extra={<Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.remove')} />}
      data-testid={`criterion-${index}`}
    >
      <Flex gap={8} wrap>
        <Form.Item name={[index, 'key']} label={t('scoring.key')} rules={[{ required: true }]} style={{ width: 140 }}>
          <Input maxLength={40} />
        </Form.Item>
        <Form.Item name={[index, 'label']} label={t('scoring.label')} style={{ width: 160 }}>
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name={[index, 'field']} label={t('scoring.field')} rules={[{ required: true }]} style={{ width: 160 }}>
          <Select options={SCORING_FIELDS.map((v) => ({ value: v, label: t(`field.account.${v}`) }))} />
        </Form.Item>
        <Form.Item name={[index, 'weight']} label={t('scoring.weight')} rules={[{ required: true }]} style={{ width: 100 }}>
          <InputNumber min={0} max={100} precision={0} suffix="%" />
        </Form.Item>
      </Flex>
      {field && isBanded(field) ? (
        <Form.List name={[index, 'scale', 'bands']}>
          {(bands, { add, remove }) => (
            <>
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('scoring.bandsHint')}</Typography.Paragraph>
              {bands.map((b) => (
                <Flex key={b.key} gap={8} align="baseline">
                  <Form.Item name={[b.name, 'min']} rules={[{ required: true, message: t('scoring.issue.required') }]} style={{ marginBottom: 8 }}>
                    <Input prefix="≥" placeholder={t('scoring.bandMin')} aria-label={t('scoring.bandMin')} style={{ width: 170 }} inputMode="decimal" />
                  </Form.Item>
                  <Form.Item name={[b.name, 'points']} rules={[{ required: true, message: t('scoring.issue.required') }]} style={{ marginBottom: 8 }}>
                    <InputNumber min={0} max={100} precision={0} suffix={t('scoring.pointsUnit')} aria-label={t('scoring.points')} style={{ width: 100 }} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(b.name)} aria-label={t('common.remove')} />
                </Flex>
              ))}
              <div>
                <Button size="small" icon={<PlusOutlined />} onClick={() => add({ min: '', points: 0 })}>
                  {t('scoring.addBand')}
                </Button>
              </div>
            </>
          )}
        </Form.List>
      ) : (
        <Flex gap={8} wrap>
          {(field ? (POINT_KEYS[field] ?? []) : []).map((v) => (
            <Form.Item key={v} name={[index, 'scale', 'points', v]} label={field === 'marketStrength' ? v : t(`enum.${field}.${v}`)} style={{ width: 110 }}>
              <InputNumber min={0} max={100} precision={0} />
            </Form.Item>
          ))}
        </Flex>
      )}
    </Card>
  );
}
