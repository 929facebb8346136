import { App, Card, Checkbox, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useStages } from '../../stages/api.ts';
import { usePutCriteria } from '../api.ts';

/** The exit checklist of the current stage; ticking saves at once. */
export function CriteriaCard({
  deal,
  writable,
  onReload,
}: {
  deal: OpportunityDetail;
  writable: boolean;
  onReload: () => void;
}) {
  const { t, i18n } = useTranslation();
  const put = usePutCriteria(deal.id);
  const stages = useStages();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const stage = stages.data?.find((s) => s.id === deal.stageId);
  const label = (c: { id: string; label: string }) => {
    const en = stage?.exitCriteria.find((x) => x.id === c.id)?.labelEn;
    return i18n.language === 'en' && en ? en : c.label;
  };

  const toggle = async (id: string, checked: boolean) => {
    const done = deal.criteria.filter((c) => (c.id === id ? checked : c.done)).map((c) => c.id);
    try {
      await put.mutateAsync({ version: deal.version, done });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e, { onReload });
    }
  };

  return (
    <Card size="small" title={t('deals.criteriaTitle')} data-testid="exit-criteria">
      {deal.criteria.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.noCriteria')} />
      ) : (
        <Flex vertical gap={6}>
          {deal.criteria.map((c) => (
            <Checkbox
              key={c.id}
              checked={c.done}
              disabled={!writable || put.isPending}
              onChange={(e) => void toggle(c.id, e.target.checked)}
              data-testid="criterion"
              data-criterion-id={c.id}
            >
              {label(c)}
            </Checkbox>
          ))}
        </Flex>
      )}
    </Card>
  );
}
