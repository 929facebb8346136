import { useState } from 'react';
import { App, Button, Card, Col, Empty, Flex, Input, Modal, Row, Select, Tag, Typography } from 'antd';
import { FINISHED, Form } from '../../../components/Form.tsx';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { COMPETITIVE_POSITIONS } from '../../../../core/enums.ts';
import type { DealCompetitorsPut, OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { EnumSelect } from '../../../components/EnumSelect.tsx';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useIsMobile } from '../../../components/useIsMobile.ts';
import { useCompetitors } from '../../competitors/api.ts';
import { usePutCompetitors } from '../api.ts';

const POSITION_COLORS: Record<string, string> = { ahead: 'green', even: 'gold', behind: 'red' };
type Values = {
  competitors: { competitorId?: string; position?: string; ourAdvantages?: string | null; notes?: string | null }[];
};

export function CompetitionCard({ deal, writable }: { deal: OpportunityDetail; writable: boolean }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const catalogue = useCompetitors();
  const put = usePutCompetitors(deal.id);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const chosen = (Form.useWatch('competitors', form) ?? []) as Values['competitors'];

  const edit = () => {
    form.setFieldsValue({
      competitors: deal.competitors.map((c) => ({
        competitorId: c.competitorId,
        position: c.position,
        ourAdvantages: c.ourAdvantages,
        notes: c.notes,
      })),
    });
    setOpen(true);
  };
  const submit = async (v: Values) => {
    const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);
    const body = {
      competitors: (v.competitors ?? []).map((c) => ({
        competitorId: c.competitorId ?? '',
        position: c.position ?? 'even',
        ourAdvantages: blank(c.ourAdvantages),
        notes: blank(c.notes),
      })),
    } as DealCompetitorsPut;
    try {
      await put.mutateAsync(body);
      message.success(t('common.saved'));
      setOpen(false);
      return FINISHED;
    } catch (e) {
      fail(e, { form });
    }
  };

  return (
    <Card
      size="small"
      title={t('deals.competitionTitle')}
      data-testid="competition"
      extra={
        writable && (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={edit}
            aria-label={t('common.edit')}
            data-testid="edit-competition"
          />
        )
      }
    >
      {deal.competitors.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.noCompetitors')} />
      ) : (
        deal.competitors.map((c) => (
          <div
            key={c.competitorId}
            data-testid="deal-competitor"
            data-competitor-id={c.competitorId}
            style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}
          >
            <Flex gap={8} align="center" wrap>
              <strong>{c.name}</strong>
              <Tag color={POSITION_COLORS[c.position]}>{t(`enum.competitivePosition.${c.position}`)}</Tag>
            </Flex>
            {c.ourAdvantages && (
              <div style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>
                <Typography.Text type="secondary">{t('deals.ourAdvantages')}: </Typography.Text>
                {c.ourAdvantages}
              </div>
            )}
            {c.notes && <div style={{ fontSize: 13, whiteSpace: 'pre-wrap', color: '#555' }}>{c.notes}</div>}
            {c.preferredBy.length > 0 && (
              <div style={{ fontSize: 12 }}>
                <Typography.Text type="secondary">{t('deals.preferredBy')}: </Typography.Text>
                {c.preferredBy.map((p) => (
                  <Tag key={p.influenceId} color="red">
                    {p.contactName}
                  </Tag>
                ))}
              </div>
            )}
          </div>
        ))
      )}
      <Modal
        open={open}
        title={t('deals.competitionTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        confirmLoading={put.isPending}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        width={760}
        destroyOnHidden
      >
        <Form form={form} onFinish={submit} layout="vertical" data-testid="competition-form">
          <Form.List name="competitors">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} style={{ borderBottom: '1px dashed #eee', marginBottom: 8 }}>
                    <Col span={mobile ? 24 : 10}>
                      <Form.Item
                        name={[f.name, 'competitorId']}
                        label={t('nav.competitors')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <Select<string>
                          options={(catalogue.data ?? []).map((c) => ({
                            value: c.id,
                            label: c.name,
                            disabled: chosen.some((x, k) => k !== f.name && x?.competitorId === c.id),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={mobile ? 18 : 10}>
                      <Form.Item
                        name={[f.name, 'position']}
                        label={t('deals.position')}
                        rules={[{ required: true, message: t('validation.required') }]}
                      >
                        <EnumSelect group="competitivePosition" values={COMPETITIVE_POSITIONS} />
                      </Form.Item>
                    </Col>
                    <Col span={mobile ? 6 : 4} style={{ display: 'flex', alignItems: 'center' }}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(f.name)}
                        aria-label={t('common.remove')}
                      />
                    </Col>
                    <Col span={mobile ? 24 : 12}>
                      <Form.Item name={[f.name, 'ourAdvantages']} label={t('deals.ourAdvantages')}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                      </Form.Item>
                    </Col>
                    <Col span={mobile ? 24 : 12}>
                      <Form.Item name={[f.name, 'notes']} label={t('deals.notes')}>
                        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
                      </Form.Item>
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ position: 'even' })}
                  disabled={fields.length >= 20}
                  data-testid="add-deal-competitor"
                >
                  {t('deals.addCompetitor')}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Card>
  );
}
