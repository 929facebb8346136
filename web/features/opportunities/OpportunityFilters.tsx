import { useState } from 'react';
import { useSearchBox } from '../../components/useSearchBox.ts';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { DEAL_STATUSES, FORECAST_CATEGORIES } from '../../../core/enums.ts';
import { OPPORTUNITY_SORTS } from '../../../core/schemas/deals.ts';
import { EnumSelect } from '../../components/EnumSelect.tsx';
import { UserSelect } from '../../components/UserSelect.tsx';
import { TeamSelect } from '../../components/TeamSelect.tsx';
import { useStages } from '../stages/api.ts';
import { stageLabel } from '../stages/stageName.ts';
import { useOpportunityFilters } from './useOpportunityFilters.ts';
import { CloseRangePicker } from './CloseRangePicker.tsx';
import { HealthBelowSelect } from './HealthBelowSelect.tsx';
import { SavedViews } from '../views/SavedViews.tsx';
import { RED_FLAG_CODES } from './redFlagCodes.ts';

export function OpportunityFilters({ mobile }: { mobile: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useOpportunityFilters();
  const stages = useStages();
  const search = useSearchBox(f.values.q, (v) => f.set('q', v));
  const [expanded, setExpanded] = useState(!mobile);
  const width = mobile ? '100%' : 170;

  return (
    <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="opportunity-filters">
      <Input.Search
        placeholder={t('deals.searchPlaceholder')}
        {...search.input}
        allowClear
        style={{ width: mobile ? '100%' : 240 }}
        data-testid="opportunity-search"
      />
      <Select
        value={f.sort}
        onChange={(v) => f.set('sort', v)}
        style={{ width: mobile ? '100%' : 170 }}
        options={OPPORTUNITY_SORTS.map((s) => ({ value: s, label: t(`dealSort.${s}`) }))}
        aria-label={t('a11y.sortBy')}
        data-testid="opportunity-sort"
      />
      <SavedViews current={f.values as Record<string, string>} onPick={f.replaceAll} mobile={mobile} />
      {mobile && (
        <Button onClick={() => setExpanded((x) => !x)} block>
          {expanded ? t('common.hideFilters') : t('common.moreFilters')}
        </Button>
      )}
      {expanded && (
        <>
          <EnumSelect
            group="dealStatus"
            values={DEAL_STATUSES}
            value={f.values.status}
            onChange={(v) => f.set('status', v)}
            allowClear
            placeholder={t('field.opportunity.status')}
            style={{ width }}
            data-testid="filter-status"
          />
          <Select<string>
            allowClear
            value={f.values.stageId}
            onChange={(v) => f.set('stageId', v)}
            placeholder={t('field.opportunity.stageId')}
            aria-label={t('field.opportunity.stageId')}
            style={{ width }}
            options={(stages.data ?? []).map((s) => ({ value: s.id, label: stageLabel(s, i18n.language) }))}
            data-testid="filter-stage"
          />
          <UserSelect
            value={f.values.ownerId}
            onChange={(v) => f.set('ownerId', v)}
            placeholder={t('field.opportunity.ownerId')}
            style={{ width }}
            activeOnly={false}
          />
          <TeamSelect
            value={f.values.teamId}
            onChange={(v) => f.set('teamId', v)}
            placeholder={t('accounts.team')}
            style={{ width }}
          />
          <EnumSelect
            group="forecastCategory"
            values={FORECAST_CATEGORIES}
            value={f.values.forecastCategory}
            onChange={(v) => f.set('forecastCategory', v)}
            allowClear
            placeholder={t('field.opportunity.forecastCategory')}
            style={{ width }}
            data-testid="filter-forecast"
          />
          <CloseRangePicker
            from={f.values.closeFrom}
            to={f.values.closeTo}
            onChange={(a, b) => f.setMany({ closeFrom: a, closeTo: b })}
            width={mobile ? '100%' : 250}
          />
          <HealthBelowSelect value={f.values.healthBelow} onChange={(v) => f.set('healthBelow', v)} width={width} />
          <Select<string>
            allowClear
            value={f.values.redFlag}
            onChange={(v) => f.set('redFlag', v)}
            placeholder={t('deals.redFlag')}
            aria-label={t('deals.redFlag')}
            style={{ width: mobile ? '100%' : 190 }}
            options={RED_FLAG_CODES.map((c) => ({ value: c, label: t(`redFlagCode.${c}`) }))}
            popupMatchSelectWidth={false}
            data-testid="filter-red-flag"
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
