import { useState } from 'react';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import type { AccountDetail } from '../../../core/schemas/accounts.ts';
import { api } from '../../lib/api.ts';
import { accountKeys } from '../../lib/query-keys.ts';
import { ACTIVITY_STATUSES } from '../../../core/enums.ts';
import { AccountSelect } from '../../components/AccountSelect.tsx';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { useSearchBox } from '../../components/useSearchBox.ts';
import { useActivityFilters } from './useActivityFilters.ts';
import { useTypeOptions } from '../activity-types/typeLabel.ts';

export function ActivityFilters({ mobile }: { mobile: boolean }) {
  const { t } = useTranslation();
  const f = useActivityFilters();
  const typeOptions = useTypeOptions(f.values.type);
  const search = useSearchBox(f.values.q, (v) => f.set('q', v));
  const [expanded, setExpanded] = useState(!mobile);
  const width = mobile ? '100%' : 170;
  // A bookmarked account filter carries only the id; the picker shows its name.
  const account = useQuery({
    queryKey: accountKeys.detail(f.values.accountId ?? ''),
    enabled: !!f.values.accountId,
    queryFn: () => api.get<AccountDetail>(`/api/accounts/${f.values.accountId}`),
  });

  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="activity-filters">
      <Input.Search
        placeholder={t('activities.searchPlaceholder')}
        {...search.input}
        allowClear
        style={{ width: mobile ? '100%' : 220 }}
        data-testid="activity-search"
      />
      <DatePicker.RangePicker
        value={[f.values.from ? dayjs(f.values.from) : null, f.values.to ? dayjs(f.values.to) : null]}
        onChange={(v) =>
          f.setMany({ from: v?.[0]?.format('YYYY-MM-DD') ?? null, to: v?.[1]?.format('YYYY-MM-DD') ?? null })
        }
        allowEmpty={[true, true]}
        placeholder={[t('activities.periodFrom'), t('activities.periodTo')]}
        style={{ width: mobile ? '100%' : 250 }}
        data-testid="filter-period"
      />
      {mobile && (
        <Button onClick={() => setExpanded((x) => !x)} block>
          {expanded ? t('common.hideFilters') : t('common.moreFilters')}
        </Button>
      )}
      {expanded && (
        <>
          <Select<string>
            allowClear
            value={f.values.type}
            onChange={(v) => f.set('type', v)}
            options={typeOptions}
            placeholder={t('field.activity.type')}
            aria-label={t('field.activity.type')}
            style={{ width }}
            data-testid="filter-type"
          />
          <EnumSelect
            group="activityStatus"
            values={ACTIVITY_STATUSES}
            value={f.values.status}
            onChange={(v) => f.set('status', v)}
            allowClear
            placeholder={t('field.activity.status')}
            style={{ width }}
            data-testid="filter-status"
          />
          <UserSelect
            value={f.values.ownerId}
            onChange={(v) => f.set('ownerId', v)}
            placeholder={t('field.activity.ownerId')}
            style={{ width }}
            activeOnly={false}
            data-testid="filter-owner"
          />
          <AccountSelect
            value={f.values.accountId}
            currentLabel={account.data?.name}
            onChange={(v) => f.set('accountId', v)}
            placeholder={t('field.activity.accountId')}
            style={{ width: mobile ? '100%' : 220 }}
            data-testid="filter-account"
          />
          <Button
            onClick={() => {
              search.reset();
              f.clear();
            }}
          >
            {t('common.reset')}
          </Button>
        </>
      )}
    </Flex>
  );
}
