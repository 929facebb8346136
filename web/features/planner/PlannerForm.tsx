import { Button, Col, Row, Select, Space, type FormInstance } from 'antd';
import { Form } from '../../components/Form.tsx';
import { CalculatorOutlined, SaveOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PlannerInput } from '../../../core/schemas/forecast.ts';
import { planStart } from '../../../core/planner.ts';
import { isPositiveMoney, normaliseMoney } from '../../lib/money.ts';
import { StageNumbersInput } from './StageNumbersInput.tsx';
import { MoneyInput } from '../../components/MoneyInput.tsx';

export interface PlannerValues {
  quota?: string;
  averageDealSize?: string;
  ratios: (number | null)[];
  /** Weeks per planning stage. */
  stageWeeks: (number | null)[];
  startMonth?: number | null;
}

const complete = (v: (number | null)[] | undefined): v is number[] =>
  !!v && v.length > 0 && v.every((r) => typeof r === 'number');

/** The request body for the form's values; empty fields are left out so the server applies its defaults. */
export function toPlannerInput(v: PlannerValues): Omit<PlannerInput, 'year' | 'userId'> {
  const body: Omit<PlannerInput, 'year' | 'userId'> = {};
  const quota = normaliseMoney(v.quota);
  const ads = normaliseMoney(v.averageDealSize);
  if (quota) body.quota = quota;
  if (ads) body.averageDealSize = ads;
  if (complete(v.ratios)) body.ratios = v.ratios;
  if (complete(v.stageWeeks)) body.stageWeeks = v.stageWeeks;
  if (v.startMonth) body.startMonth = v.startMonth;
  return body;
}

interface Props {
  form: FormInstance<PlannerValues>;
  stages: { id: string; label: string }[];
  /** The page's year: the plan starts in it. */
  year: number;
  onCompute: () => void;
  onSave?: () => void;
  computing: boolean;
  saving: boolean;
  saveLabel: string;
}

export function PlannerForm({ form, stages, year, onCompute, onSave, computing, saving, saveLabel }: Props) {
  const { t, i18n } = useTranslation();
  const money = (_: unknown, v: unknown) =>
    v === undefined || v === null || v === '' || isPositiveMoney(v)
      ? Promise.resolve()
      : Promise.reject(new Error(t('validation.positiveMoney')));
  const monthName = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-US' : 'zh-CN', { month: 'long' });
  const months = Array.from({ length: 12 }, (_, i) => ({
    value: i + 1,
    label: monthName.format(new Date(2000, i, 1)),
  }));
  // The server's default for this year, said before it is asked: next month in the year under way, else January.
  const defaultStart = planStart(dayjs().format('YYYY-MM-DD'), year).startMonth;
  const allOrNone = (message: string) => (_: unknown, v: (number | null)[] | undefined) =>
    !v || v.every((r) => r === null) || complete(v) ? Promise.resolve() : Promise.reject(new Error(message));

  return (
    <Form form={form} layout="vertical" data-testid="planner-form" onFinish={onCompute}>
      <Row gutter={12}>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="quota"
            label={t('planner.quota')}
            extra={t('planner.quotaHint')}
            rules={[{ validator: money }]}
          >
            <MoneyInput placeholder={t('planner.quotaPlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item
            name="averageDealSize"
            label={t('planner.averageDealSize')}
            extra={t('planner.averageHint')}
            rules={[{ validator: money }]}
          >
            <MoneyInput placeholder={t('planner.averagePlaceholder')} allowClear />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Form.Item name="startMonth" label={t('planner.startMonth')} extra={t('planner.startMonthHint')}>
            <Select<number>
              allowClear
              options={months}
              placeholder={t('planner.startMonthPlaceholder', { month: defaultStart })}
              data-testid="plan-start-month"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="ratios"
        label={t('planner.ratios')}
        extra={t('planner.ratiosHint')}
        rules={[{ validator: allOrNone(t('planner.ratiosIncomplete')) }]}
      >
        <StageNumbersInput stages={stages} kind="ratio" />
      </Form.Item>
      <Form.Item
        name="stageWeeks"
        label={t('planner.stageWeeks')}
        extra={t('planner.stageWeeksHint')}
        rules={[
          { validator: allOrNone(t('planner.weeksIncomplete')) },
          {
            validator: (_, v: (number | null)[] | undefined) =>
              (v ?? []).every((w) => w === null || Number.isInteger(w * 2))
                ? Promise.resolve()
                : Promise.reject(new Error(t('planner.halfWeeks'))),
          },
        ]}
      >
        <StageNumbersInput stages={stages} kind="week" />
      </Form.Item>
      <Space wrap>
        <Button
          type="primary"
          htmlType="submit"
          icon={<CalculatorOutlined />}
          loading={computing}
          data-testid="plan-compute"
        >
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
