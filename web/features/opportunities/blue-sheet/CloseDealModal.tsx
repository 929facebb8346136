import { useEffect } from 'react';
import { Modal, Select } from 'antd';
import { FINISHED, Form } from '../../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import type { Stage } from '../../../../core/schemas/catalog.ts';
import { useCompetitors } from '../../competitors/api.ts';
import { stageLabel } from '../../stages/stageName.ts';
import { useMoveStage } from '../useMoveStage.tsx';
import { ListPick } from '../ListPick.tsx';
import { useDealLists } from '../dealListsApi.ts';

interface Values {
  lostReason?: string;
  wonByCompetitorId?: string | null;
}

/** Moving to a won or lost stage; a lost deal records why and which competitor took it. */
export function CloseDealModal({
  deal,
  stage,
  onClose,
  onReload,
}: {
  deal: OpportunityDetail;
  stage: Stage | null;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const competitors = useCompetitors();
  const lists = useDealLists();
  const { move, pending } = useMoveStage();
  const lost = stage?.kind === 'lost';

  useEffect(() => {
    if (stage)
      form.setFieldsValue({ lostReason: deal.lostReason ?? undefined, wonByCompetitorId: deal.wonByCompetitorId });
  }, [stage, deal, form]);

  const submit = async (v: Values) => {
    if (!stage) return;
    const extra = lost
      ? { lostReason: v.lostReason?.trim() || null, wonByCompetitorId: v.wonByCompetitorId ?? null }
      : {};
    if (!(await move(deal, stage.id, stageLabel(stage, i18n.language), extra, onReload))) return;
    onClose();
    return FINISHED;
  };

  return (
    <Modal
      open={!!stage}
      title={stage ? `${t('deals.closeDeal')} · ${stageLabel(stage, i18n.language)}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'close-deal-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="close-deal-form">
        {lost ? (
          <>
            <Form.Item
              name="lostReason"
              label={t('field.opportunity.lostReason')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 1000 }]}
            >
              <ListPick items={lists.data?.lostReasons ?? []} data-testid="lost-reason" />
            </Form.Item>
            <Form.Item name="wonByCompetitorId" label={t('field.opportunity.wonByCompetitorId')}>
              <Select<string>
                allowClear
                options={(competitors.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                placeholder={t('common.choose')}
              />
            </Form.Item>
          </>
        ) : (
          <div>{t('deals.markWon')} ✓</div>
        )}
      </Form>
    </Modal>
  );
}
