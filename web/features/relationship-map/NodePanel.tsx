import { useState } from 'react';
import { App, Button, Descriptions, Drawer, Input, Slider, Space, Tag, Typography } from 'antd';
import { Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MapNode } from '../../../core/schemas/relationship-map.ts';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { attitudeColor, formatAttitude } from '../../components/AttitudeTag.tsx';
import { usePatchContact, usePatchInfluence, type MapSource } from './api.ts';

const GOV_FIELDS = [
  ['position', 'govPosition'],
  ['supplierSelection', 'govSupplierSelection'],
  ['achievements', 'govAchievements'],
  ['costAwareness', 'govCostAwareness'],
] as const;
type GovValues = Partial<Record<(typeof GOV_FIELDS)[number][1], string>>;

const MARKS = { '-5': '-5', 0: '0', 5: '+5' };

/** A person on the map: attitude (or the deal's rating) set in place, and government intelligence. */
export function NodePanel({
  node,
  source,
  government,
  writable,
  onClose,
}: {
  node: MapNode;
  source: MapSource;
  government: boolean;
  writable: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [attitude, setAttitude] = useState<number>(node.attitude ?? 0);
  // The slider shows a new value at once; a refused save returns it to the last one the server kept.
  const [saved, setSaved] = useState<number>(node.attitude ?? 0);
  const patchContact = usePatchContact();
  const patchInfluence = usePatchInfluence();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [form] = Form.useForm<GovValues>();
  const onDeal = source.kind === 'deal';

  const saveAttitude = async (value: number) => {
    try {
      if (onDeal && node.influenceId && node.influenceVersion !== null) {
        await patchInfluence.mutateAsync({
          dealId: source.id,
          influenceId: node.influenceId,
          body: { version: node.influenceVersion, rating: value },
        });
      } else {
        await patchContact.mutateAsync({ id: node.contactId, body: { version: node.version, attitude: value } });
      }
      setSaved(value);
      message.success(t('common.saved'));
    } catch (e) {
      setAttitude(saved);
      fail(e);
    }
  };

  const saveGov = async (v: GovValues) => {
    const body: Record<string, string | null> = {};
    for (const [, field] of GOV_FIELDS) body[field] = v[field]?.trim() || null;
    try {
      await patchContact.mutateAsync({ id: node.contactId, body: { version: node.version, ...body } });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Drawer
      open
      onClose={onClose}
      size={mobile ? '100%' : 400}
      title={node.name}
      data-testid="map-node-panel"
      extra={<Link to={`/contacts/${node.contactId}`}>{t('relmap.openContact')}</Link>}
    >
      <Space size={4} wrap style={{ marginBottom: 12 }}>
        {node.keyPlayer && <Tag color="gold">{t('relmap.keyPlayer')}</Tag>}
        {node.decisionMaker && <Tag color="red">{t('relmap.decisionMaker')}</Tag>}
        {node.supportive && <Tag color="green">{t('relmap.supporter')}</Tag>}
      </Space>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('field.contact.title')}>
          {[node.title, node.department].filter(Boolean).join(' · ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.contact.influence')}>
          {node.influence ? t(`enum.influence.${node.influence}`) : t('common.unknown')}
        </Descriptions.Item>
        <Descriptions.Item label={t('relmap.roles')}>
          {node.roles.map((r) => t(`enum.buyingRole.${r}`)).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('relmap.counterpart')}>
          {node.counterpart?.name ?? t('relmap.noCounterpart')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text strong>
        {onDeal ? t('relmap.rating') : t('relmap.attitude')}:{' '}
        <span style={{ color: attitudeColor(attitude) }} data-testid="map-panel-attitude">
          {formatAttitude(attitude)}
        </span>
      </Typography.Text>
      <div data-testid="map-attitude-slider">
        <Slider
          min={-5}
          max={5}
          marks={MARKS}
          value={attitude}
          disabled={!writable}
          onChange={setAttitude}
          onChangeComplete={(v) => void saveAttitude(v)}
          styles={{ track: { background: attitudeColor(attitude) } }}
        />
      </div>
      {government && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('relmap.gov.title')}
          </Typography.Title>
          <Form
            form={form}
            layout="vertical"
            disabled={!writable}
            initialValues={Object.fromEntries(GOV_FIELDS.map(([k, field]) => [field, node.gov?.[k] ?? '']))}
            onFinish={saveGov}
            data-testid="map-gov-form"
          >
            {GOV_FIELDS.map(([k, field]) => (
              <Form.Item key={field} name={field} label={t(`relmap.gov.${k}`)}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={2000} />
              </Form.Item>
            ))}
            {writable && (
              <Button type="primary" htmlType="submit" loading={patchContact.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Form>
        </>
      )}
    </Drawer>
  );
}
