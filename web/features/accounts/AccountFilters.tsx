import { useState } from 'react';
import { useSearchBox } from '../../components/useSearchBox.ts';
import { Button, Flex, Input, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ACCOUNT_SCOPES,
  FINANCIAL_STATUSES,
  OWNERSHIP_TYPES,
  RELATIONSHIP_STAGES,
  TIERS,
} from '../../../core/enums.ts';
import { ACCOUNT_SORTS } from '../../../core/schemas/accounts.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useAccountFilters } from './useAccountFilters.ts';
import { RegionCascader } from '../../components/RegionCascader.tsx';
import { IndustryCascader } from '../../components/IndustryCascader.tsx';

const ENUM_FILTERS = [
  ['ownershipType', OWNERSHIP_TYPES],
  ['scope', ACCOUNT_SCOPES],
  ['financialStatus', FINANCIAL_STATUSES],
  ['relationshipStage', RELATIONSHIP_STAGES],
  ['tier', TIERS],
] as const;

export function AccountFilters({ mobile }: { mobile: boolean }) {
  const { t } = useTranslation();
  const f = useAccountFilters();
  const search = useSearchBox(f.get('q'), (v) => f.set('q', v));
  const [tag, setTag] = useState(f.get('tag') ?? '');
  const [expanded, setExpanded] = useState(!mobile);
  const width = mobile ? '100%' : 160;

  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="account-filters">
      <Input.Search
        placeholder={t('accounts.searchPlaceholder')}
        {...search.input}
        allowClear
        style={{ width: mobile ? '100%' : 260 }}
        data-testid="account-search"
      />
      <Select
        value={f.sort}
        onChange={(v) => f.set('sort', v)}
        style={{ width: mobile ? '100%' : 180 }}
        options={ACCOUNT_SORTS.map((s) => ({ value: s, label: t(`sort.${s}`) }))}
        aria-label={t('a11y.sortBy')}
        data-testid="account-sort"
      />
      {mobile && (
        <Button onClick={() => setExpanded((x) => !x)} block>
          {expanded ? t('common.hideFilters') : t('common.moreFilters')}
        </Button>
      )}
      {expanded && (
        <>
          {ENUM_FILTERS.map(([key, values]) => (
            <EnumSelect
              key={key}
              group={key}
              values={values}
              value={f.get(key)}
              onChange={(v) => f.set(key, v)}
              allowClear
              placeholder={t(`field.account.${key}`)}
              style={{ width }}
              data-testid={`filter-${key}`}
            />
          ))}
          <RegionCascader
            depth={2}
            value={f.get('region')}
            onChange={(v) => f.set('region', v)}
            placeholder={t('pickers.regionFilter')}
            style={{ width: mobile ? '100%' : 200 }}
            data-testid="filter-region"
          />
          <IndustryCascader
            value={f.get('industryCode')}
            onChange={(v) => f.set('industryCode', v)}
            placeholder={t('field.account.industryCode')}
            style={{ width: mobile ? '100%' : 200 }}
            data-testid="filter-industry"
          />
          <UserSelect
            value={f.get('ownerId')}
            onChange={(v) => f.set('ownerId', v)}
            placeholder={t('field.account.ownerId')}
            style={{ width }}
            activeOnly={false}
          />
          <TeamSelect
            value={f.get('teamId')}
            onChange={(v) => f.set('teamId', v)}
            placeholder={t('accounts.team')}
            style={{ width }}
          />
          <Input
            value={tag}
            onChange={(e) => setTag(e.target.value)}
            onPressEnter={() => f.set('tag', tag.trim())}
            onBlur={() => f.set('tag', tag.trim())}
            placeholder={t('field.account.tags')}
            allowClear
            style={{ width }}
          />
          {/* A <label> around the switch names it, and makes its text a place to click too. */}
          <Flex component="label" align="center" gap={6}>
            <Switch size="small" checked={f.archived} onChange={(v) => f.set('archived', v)} />
            {t('common.showArchived')}
          </Flex>
          <Button
            onClick={() => {
              search.reset();
              setTag('');
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
