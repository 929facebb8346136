import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OpportunityUpdate } from '../../../core/schemas/deals.ts';
import { ApiError } from '../../lib/api.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useUpdateOpportunity } from './api.ts';

type Extra = Omit<OpportunityUpdate, 'version' | 'stageId' | 'confirmUnmetCriteria'>;

/**
 * Moves a deal to another stage. Forward past unmet exit criteria the server answers 409
 * unmet_criteria (its message lists them); the seller confirms and we resend with the flag.
 */
export function useMoveStage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const fail = useApiFeedback();
  const update = useUpdateOpportunity();

  const move = async (
    deal: { id: string; version: number },
    stageId: string,
    stageName: string,
    extra: Extra = {},
    onReload?: () => void,
  ): Promise<boolean> => {
    const send = (confirm: boolean) =>
      update.mutateAsync({
        id: deal.id,
        body: { version: deal.version, stageId, ...extra, ...(confirm ? { confirmUnmetCriteria: true } : {}) },
      });
    try {
      await send(false);
      message.success(t('deals.moved', { stage: stageName }));
      return true;
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'unmet_criteria')) {
        fail(e, { onReload });
        return false;
      }
      return new Promise<boolean>((resolve) => {
        modal.confirm({
          title: t('deals.unmetTitle'),
          content: <div data-testid="unmet-criteria-dialog">{e.message}</div>,
          okText: t('deals.moveAnyway'),
          cancelText: t('common.cancel'),
          okButtonProps: { 'data-testid': 'confirm-unmet' } as Record<string, string>,
          onOk: async () => {
            try {
              await send(true);
              message.success(t('deals.moved', { stage: stageName }));
              resolve(true);
            } catch (e2) {
              fail(e2, { onReload });
              resolve(false);
            }
          },
          onCancel: () => resolve(false),
        });
      });
    }
  };
  return { move, pending: update.isPending };
}
