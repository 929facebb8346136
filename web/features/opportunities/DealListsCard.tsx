// Admins: the lost reasons and deal sources reps pick from; "其他" is always offered besides.
import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DealListName, DealLists } from '../../../core/deal-lists.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDealLists, usePutDealLists } from './dealListsApi.ts';

const NAMES: DealListName[] = ['lostReasons', 'dealSources'];

export function DealListsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fail = useApiFeedback();
  const lists = useDealLists();
  const put = usePutDealLists();
  const [draft, setDraft] = useState<DealLists | null>(null);
  useEffect(() => {
    if (lists.data) setDraft(lists.data);
  }, [lists.data]);

  const save = async () => {
    if (!draft) return;
    try {
      await put.mutateAsync(draft);
      message.success(t('pickers.lists.saved'));
    } catch (e) {
      fail(e);
    }
  };
  return (
    <Card size="small" title={t('pickers.lists.title')} data-testid="deal-lists-card">
      <Typography.Paragraph type="secondary">{t('pickers.lists.hint')}</Typography.Paragraph>
      {NAMES.map((name) => (
        <Flex key={name} vertical gap={4} style={{ marginBottom: 12 }}>
          <Typography.Text strong id={`deal-list-${name}`}>
            {t(`pickers.lists.${name}`)}
          </Typography.Text>
          <Select<string[]>
            mode="tags"
            aria-labelledby={`deal-list-${name}`}
            value={draft?.[name] ?? []}
            onChange={(v) => setDraft((d) => (d ? { ...d, [name]: v } : d))}
            placeholder={t('pickers.lists.add')}
            tokenSeparators={[',', '，', '、']}
            data-testid={`deal-list-${name}`}
          />
        </Flex>
      ))}
      <Button type="primary" onClick={() => void save()} loading={put.isPending} data-testid="deal-lists-save">
        {t('common.save')}
      </Button>
    </Card>
  );
}
