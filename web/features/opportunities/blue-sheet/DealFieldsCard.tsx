import { useState, type ReactNode } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Input, Radio, Space, Typography } from 'antd';
import { Form } from '../../../components/Form.tsx';
import { EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail, OpportunityUpdate } from '../../../../core/schemas/deals.ts';
import { MONEY_INPUT_RE, normaliseMoney } from '../../../lib/money.ts';
import { MoneyText } from '../../../components/MoneyText.tsx';
import { DateText } from '../../../components/DateText.tsx';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useUpdateOpportunity } from '../api.ts';
import { MoneyInput } from '../../../components/MoneyInput.tsx';

type Editable = keyof Omit<OpportunityUpdate, 'version' | 'items' | 'confirmUnmetCriteria'> & keyof OpportunityDetail;
export interface DealField {
  name: Editable;
  kind: 'text' | 'longtext' | 'money' | 'date' | 'bool';
  max?: number;
}

type FormValue = string | boolean | Dayjs | null | undefined;

function toForm(f: DealField, v: unknown): FormValue {
  if (v === null || v === undefined) return undefined;
  if (f.kind === 'date') return dayjs(String(v));
  if (f.kind === 'bool') return Boolean(v);
  return String(v);
}

function toWire(f: DealField, v: FormValue): string | boolean | null {
  if (v === undefined || v === null || v === '') return null;
  if (f.kind === 'date') return dayjs.isDayjs(v) ? v.format('YYYY-MM-DD') : null;
  if (f.kind === 'bool') return Boolean(v);
  if (f.kind === 'money') return normaliseMoney(String(v));
  const s = String(v).trim();
  return s === '' ? null : s;
}

interface Props {
  deal: OpportunityDetail;
  title: ReactNode;
  fields: DealField[];
  writable: boolean;
  onReload: () => void;
  testId: string;
  /** Shown above the fields in read mode (e.g. the win-win warning). */
  banner?: ReactNode;
  extra?: ReactNode;
}

/** A Blue Sheet box: reads as a description list, edits in place; only changed fields go out, with the version. */
export function DealFieldsCard({ deal, title, fields, writable, onReload, testId, banner, extra }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<Record<string, FormValue>>();
  const update = useUpdateOpportunity();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  const start = () => {
    form.setFieldsValue(Object.fromEntries(fields.map((f) => [f.name, toForm(f, deal[f.name])])));
    setEditing(true);
  };
  const save = async (values: Record<string, FormValue>) => {
    const body: Record<string, unknown> = { version: deal.version };
    for (const f of fields) {
      const next = toWire(f, values[f.name]);
      const prev = deal[f.name] ?? null;
      if (next !== prev) body[f.name] = next;
    }
    try {
      if (Object.keys(body).length > 1) await update.mutateAsync({ id: deal.id, body: body as OpportunityUpdate });
      message.success(t('common.saved'));
      setEditing(false);
    } catch (e) {
      fail(e, { form, onReload });
    }
  };

  const show = (f: DealField): ReactNode => {
    const v = deal[f.name];
    if (v === null || v === undefined || v === '')
      return f.kind === 'bool' ? <Typography.Text type="secondary">{t('deals.notAnswered')}</Typography.Text> : '—';
    if (f.kind === 'money') return <MoneyText value={String(v)} />;
    if (f.kind === 'date') return <DateText value={String(v)} />;
    if (f.kind === 'bool')
      return v ? (
        <Typography.Text type="success">{t('deals.yes')}</Typography.Text>
      ) : (
        <Typography.Text type="danger">{t('deals.no')}</Typography.Text>
      );
    return <span style={{ whiteSpace: 'pre-wrap' }}>{String(v)}</span>;
  };

  const input = (f: DealField): ReactNode => {
    switch (f.kind) {
      case 'longtext':
        return <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={10000} />;
      case 'money':
        return <MoneyInput />;
      case 'date':
        return <DatePicker style={{ width: '100%' }} />;
      case 'bool':
        return (
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('deals.yes') },
              { value: false, label: t('deals.no') },
            ]}
          />
        );
      default:
        return <Input maxLength={f.max ?? 500} />;
    }
  };

  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      extra={
        <Space size={4}>
          {extra}
          {writable && !editing && (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              onClick={start}
              aria-label={t('common.edit')}
              data-testid={`${testId}-edit`}
            />
          )}
        </Space>
      }
    >
      {editing ? (
        <Form form={form} layout="vertical" onFinish={save}>
          {fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(`field.opportunity.${f.name}`)}
              rules={
                f.kind === 'money'
                  ? [
                      {
                        validator: (_, v: unknown) => {
                          const s = normaliseMoney(typeof v === 'string' ? v : null);
                          return s === null || MONEY_INPUT_RE.test(s)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('validation.money')));
                        },
                      },
                    ]
                  : undefined
              }
              style={{ marginBottom: 10 }}
            >
              {input(f)}
            </Form.Item>
          ))}
          <Space>
            <Button type="primary" htmlType="submit" loading={update.isPending} data-testid={`${testId}-save`}>
              {t('common.save')}
            </Button>
            <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <>
          {banner}
          <Descriptions
            size="small"
            column={1}
            items={fields.map((f) => ({ key: f.name, label: t(`field.opportunity.${f.name}`), children: show(f) }))}
          />
        </>
      )}
    </Card>
  );
}
