import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useActivitySettings, usePutActivitySettings } from './api.ts';

const MAX_DAYS = 12;

/** After-sales cadence: the days after signing on which follow-up visits are scheduled for a won deal. */
export function CadenceCard() {
  const { t } = useTranslation();
  const settings = useActivitySettings();
  const put = usePutActivitySettings();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [days, setDays] = useState<number[]>([]);
  const [adding, setAdding] = useState<number | null>(null);
  const saved = settings.data?.afterSalesCadenceDays;

  useEffect(() => {
    if (saved) setDays(saved);
  }, [saved]);

  const add = () => {
    if (adding === null || days.includes(adding)) return;
    setDays([...days, adding].sort((a, b) => a - b));
    setAdding(null);
  };
  const save = async () => {
    try {
      await put.mutateAsync({ afterSalesCadenceDays: days });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e);
    }
  };
  const dirty = JSON.stringify(days) !== JSON.stringify(saved ?? []);

  return (
    <Card size="small" title={t('activityTypes.cadenceTitle')} loading={settings.isPending} data-testid="cadence-card">
      <Typography.Paragraph type="secondary">{t('activityTypes.cadenceHint')}</Typography.Paragraph>
      <Flex wrap gap={6} style={{ marginBottom: 12 }} data-testid="cadence-days">
        {days.length === 0 && <Typography.Text type="secondary">{t('activityTypes.cadenceNone')}</Typography.Text>}
        {days.map((d) => (
          <Tag key={d} closable onClose={() => setDays(days.filter((x) => x !== d))} data-testid="cadence-day">
            {t('activityTypes.dayN', { n: d })}
          </Tag>
        ))}
      </Flex>
      <Flex wrap gap={8}>
        <InputNumber<number>
          min={1}
          max={3650}
          precision={0}
          value={adding}
          onChange={setAdding}
          placeholder={t('activityTypes.days')}
          style={{ width: 140 }}
          onPressEnter={add}
          id="cadence-input"
        />
        <Button
          icon={<PlusOutlined />}
          onClick={add}
          disabled={adding === null || days.length >= MAX_DAYS}
          data-testid="cadence-add"
        >
          {t('activityTypes.addDay')}
        </Button>
        <Button
          type="primary"
          onClick={() => void save()}
          disabled={!dirty}
          loading={put.isPending}
          data-testid="cadence-save"
        >
          {t('common.save')}
        </Button>
      </Flex>
    </Card>
  );
}
