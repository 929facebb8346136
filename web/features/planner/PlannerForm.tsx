import { Button, Col, Input, InputNumber, Row, Select, Space, type FormInstance } from 'antd';
import { Form } from '../../components/Form.tsx';
import { CalculatorOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PlannerInput } from '../../../core/schemas/forecast.ts';
import { isPositiveMoney, normaliseMoney } from '../../lib/money.ts';
import { RatiosInput } from './RatiosInput.tsx';

export interface PlannerValues {
  quota?: string;
  averageDealSize?: string;
  ratios: (number | null)[];
  monthsPerStage?: number | null;
  startMonth?: number | null;
}

/** The request body for the form's values; empty fields are left out so the server applies its defaults. */
export function toPlannerInput(v: PlannerValues): Omit<PlannerInput, 'year' | 'userId'> {
  const body: Omit<PlannerInput, 'year' | 'userId'> = {};
  const quota = normaliseMoney(v.quota);
  const ads = normaliseMoney(v.averageDealSize);
  if (quota) body.quota = quota;
  if (ads) body.averageDealSize = ads;
  if (v.ratios.length > 0 && v.ratios.every((r) => typeof r === 'number')) body.ratios = v.ratios as number[];
  if (v.monthsPerStage) body.monthsPerStage = v.monthsPerStage;
  if (v.startMonth) body.startMonth = v.startMonth;
  return body;
}

interface Props {
  form: FormInstance<PlannerValues>;
  stages: { id: string; label: string }[];
  onCompute: () => void;
  onSave?: () => void;
  computing: boolean;
  saving: boolean;
  saveLabel: string;
}

export function PlannerForm({ form, stages, onCompute, onSave, computing, saving, saveLabel }: Props) {
  const { t, i18n } = useTranslation();
  const money = (_: unknown, v: unknown) =>
    v === undefined || v === null || v === '' || isPositiveMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.positiveMoney')));
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN', { month: 'long' });
  const months = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName.format(new Date(2000, i, 1)) }));

  return (
    <Form form={form} layout="vertical" data-testid="planner-form" onFinish={onCompute}>
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="quota" label={t('planner.quota')} extra={t('planner.quotaHint')} rules={[{ validator: money }]}>
            <Input prefix="¥" inputMode="decimal" placeholder={t('planner.quotaPlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item name="averageDealSize" label={t('planner.averageDealSize')} extra={t('planner.averageHint')} rules={[{ validator: money }]}>
            <Input prefix="¥" inputMode="decimal" placeholder={t('planner.averagePlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6}>
          <Form.Item name="monthsPerStage" label={t('planner.monthsPerStage')}>
            <InputNumber<number> min={1} max={12} precision={0} placeholder="1" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6}>
          <Form.Item name="startMonth" label={t('planner.startMonth')}>
            <Select<number> allowClear options={months} placeholder={t('planner.startMonthPlaceholder')} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="ratios"
        label={t('planner.ratios')}
        extra={t('planner.ratiosHint')}
        rules={[
          {
            validator: (_, v: (number | null)[] | undefined) =>
              !v || v.every((r) => r === null) || v.every((r) => typeof r === 'number') ? Promise.resolve() : Promise.reject(new Error(t('planner.ratiosIncomplete'))),
          },
        ]}
      >
        <RatiosInput stages={stages} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={computing} data-testid="plan-compute">
          {t('planner.compute')}
        </Button>
        {onSave && (
          <Button icon={<SaveOutlined />} onClick={onSave} loading={saving} data-testid="plan-save">
            {saveLabel}
          </Button>
        )}
      </Space>
    </Form>
  );
}
