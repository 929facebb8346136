import { Button, Card, Flex, Form, Input, InputNumber, Select, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SCORING_FIELDS, type ScoringField } from '../../../core/enums.ts';
import { isBanded, POINT_KEYS, type ScoringModel } from '../../../core/scoring.ts';
import { criterionLabel } from './labels.ts';

type NamePath = (string | number)[];

/** A new figure starts as potential with one band from 0: the admin picks the field and fills in its scale. */
const newMeasure = { field: 'potential', scale: { bands: [{ min: '0', points: 0 }] } };

/** One criterion of the model editor: its key, name, weight, its figure and scale, and any figures it takes the larger of. */
export function CriterionCard({
  form,
  index,
  onRemove,
}: {
  form: FormInstance<ScoringModel>;
  index: number;
  onRemove: () => void;
}) {
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
        <FieldSelect name={[index, 'field']} />
        <Form.Item
          name={[index, 'weight']}
          label={t('scoring.weight')}
          rules={[{ required: true }]}
          style={{ width: 100 }}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" />
        </Form.Item>
      </Flex>
      <ScaleEditor field={field} name={[index]} />
      <Form.List name={[index, 'alternatives']}>
        {(alternatives, { add, remove }) => (
          <div style={{ marginTop: 8 }}>
            {alternatives.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                {t('scoring.largerHint')}
              </Typography.Paragraph>
            )}
            {alternatives.map((alt) => (
              <Alternative
                key={alt.key}
                form={form}
                path={['criteria', index, 'alternatives', alt.name]}
                name={alt.name}
                onRemove={() => remove(alt.name)}
              />
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => add(structuredClone(newMeasure))}
              data-testid={`criterion-${index}-add-alternative`}
            >
              {t('scoring.addAlternative')}
            </Button>
          </div>
        )}
      </Form.List>
    </Card>
  );
}

/** A further figure the criterion can be met by: "or the larger of" this field on its own scale. */
function Alternative({
  form,
  path,
  name,
  onRemove,
}: {
  form: FormInstance<ScoringModel>;
  path: NamePath;
  name: number;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = Form.useWatch([...path, 'field'], form) as ScoringField | undefined;
  return (
    <div
      style={{ borderInlineStart: '3px solid rgba(5, 5, 5, 0.06)', paddingInlineStart: 12, marginBottom: 12 }}
      data-testid="criterion-alternative"
    >
      <Flex gap={8} align="flex-end" wrap>
        <Typography.Text strong style={{ marginBottom: 30 }}>
          {t('scoring.largerOf')}
        </Typography.Text>
        <FieldSelect name={[name, 'field']} />
        <Button
          type="text"
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('common.remove')}
          style={{ marginBottom: 24 }}
          data-testid="alternative-remove"
        />
      </Flex>
      <ScaleEditor field={field} name={[name]} />
    </div>
  );
}

function FieldSelect({ name }: { name: NamePath }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t('scoring.field')} rules={[{ required: true }]} style={{ width: 160 }}>
      <Select options={SCORING_FIELDS.map((v) => ({ value: v, label: t(`field.account.${v}`) }))} />
    </Form.Item>
  );
}

/** Bands for an amount or a count, points per value for the rest; `name` is the measure's path inside its list. */
function ScaleEditor({ field, name }: { field: ScoringField | undefined; name: NamePath }) {
  const { t } = useTranslation();
  if (field && isBanded(field)) {
    return (
      <Form.List name={[...name, 'scale', 'bands']}>
        {(bands, { add, remove }) => (
          <>
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {t('scoring.bandsHint')}
            </Typography.Paragraph>
            {bands.map((b) => (
              <Flex key={b.key} gap={8} align="baseline">
                <Form.Item
                  name={[b.name, 'min']}
                  rules={[{ required: true, message: t('scoring.issue.required') }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input
                    prefix="≥"
                    placeholder={t('scoring.bandMin')}
                    aria-label={t('scoring.bandMin')}
                    style={{ width: 170 }}
                    inputMode="decimal"
                  />
                </Form.Item>
                <Form.Item
                  name={[b.name, 'points']}
                  rules={[{ required: true, message: t('scoring.issue.required') }]}
                  style={{ marginBottom: 8 }}
                >
                  <InputNumber
                    min={0}
                    max={100}
                    precision={0}
                    suffix={t('scoring.pointsUnit')}
                    aria-label={t('scoring.points')}
                    style={{ width: 100 }}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(b.name)}
                  aria-label={t('common.remove')}
                />
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
    );
  }
  return (
    <Flex gap={8} wrap>
      {(field ? (POINT_KEYS[field] ?? []) : []).map((v) => (
        <Form.Item
          key={v}
          name={[...name, 'scale', 'points', v]}
          label={field === 'marketStrength' ? v : t(`enum.${field}.${v}`)}
          style={{ width: 110 }}
        >
          <InputNumber min={0} max={100} precision={0} />
        </Form.Item>
      ))}
    </Flex>
  );
}
