import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { BinEntity } from '../../../core/schemas/recycle-bin.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useRestoreFromBin } from './api.ts';
import { recordPath } from './paths.ts';

/**
 * After a delete: "moved to the recycle bin" with an undo that restores the record and opens it again,
 * so a slip of the finger costs one click, not a trip to the bin.
 */
export function useMovedToBin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const restore = useRestoreFromBin();
  const fail = useApiFeedback();

  return (entity: BinEntity, id: string) => {
    const key = `bin-${id}`;
    const undo = async () => {
      message.destroy(key);
      try {
        await restore.mutateAsync(id);
        message.success(t('recycleBin.restored'));
        navigate(recordPath(entity, id));
      } catch (e) {
        fail(e);
      }
    };
    message.success({
      key,
      duration: 8,
      content: (
        <span data-testid="moved-to-bin">
          {t('recycleBin.moved')}
          <Button type="link" size="small" onClick={() => void undo()} data-testid="undo-delete">
            {t('recycleBin.undo')}
          </Button>
        </span>
      ),
    });
  };
}
