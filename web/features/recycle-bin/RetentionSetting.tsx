import { useEffect, useState } from 'react';
import { App, Button, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useBinSettings, usePutBinSettings } from './api.ts';

/** Admins only: how many days a deleted record stays restorable. */
export function RetentionSetting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const settings = useBinSettings();
  const put = usePutBinSettings();
  const [days, setDays] = useState<number | null>(null);
  useEffect(() => {
    if (settings.data) setDays(settings.data.retentionDays);
  }, [settings.data]);

  const save = async () => {
    if (!days) return;
    try {
      await put.mutateAsync({ retentionDays: days });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Space wrap>
      <Typography.Text>{t('recycleBin.retention')}</Typography.Text>
      <InputNumber<number>
        min={1}
        max={3650}
        precision={0}
        value={days}
        onChange={setDays}
        suffix={t('recycleBin.days')}
        aria-label={t('recycleBin.retention')}
        style={{ width: 120 }}
        data-testid="bin-retention"
      />
      <Button
        onClick={() => void save()}
        loading={put.isPending}
        disabled={!days || days === settings.data?.retentionDays}
        data-testid="bin-retention-save"
      >
        {t('common.save')}
      </Button>
    </Space>
  );
}
