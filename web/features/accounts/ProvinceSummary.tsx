// 按省份: how many of the accounts one sees lie in each province (by region code); a click filters the
// list to that province. Accounts whose region matched no code are counted apart, not hidden.
import { useQuery } from '@tanstack/react-query';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountsByProvince } from '../../../core/schemas/accounts.ts';
import { api } from '../../lib/api.ts';
import { accountKeys } from '../../lib/query-keys.ts';
import { useAccountFilters } from './useAccountFilters.ts';

const SHOWN = 12;

export function ProvinceSummary() {
  const { t } = useTranslation();
  const f = useAccountFilters();
  const summary = useQuery({
    queryKey: [...accountKeys.all, 'by-province'],
    queryFn: () => api.get<AccountsByProvince>('/api/accounts/by-province'),
  });
  const items = summary.data?.items ?? [];
  if (!items.length) return null;
  const current = f.get('region');
  return (
    <Flex wrap gap={4} align="center" style={{ marginBottom: 12 }} data-testid="province-summary">
      <Typography.Text type="secondary">{t('pickers.byProvince')}</Typography.Text>
      {items.slice(0, SHOWN).map((i) =>
        i.provinceCode ? (
          <Tag.CheckableTag
            key={i.provinceCode}
            checked={current === i.provinceCode}
            onChange={(on) => f.set('region', on ? i.provinceCode : null)}
            data-testid={`province-${i.provinceCode}`}
          >
            {t('pickers.byProvinceCount', { name: i.name ?? i.provinceCode, count: i.count })}
          </Tag.CheckableTag>
        ) : (
          <Tag key="none">{t('pickers.byProvinceCount', { name: t('pickers.noRegion'), count: i.count })}</Tag>
        ),
      )}
    </Flex>
  );
}
