import { Button, Collapse, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AutoLater } from '../../../core/schemas/activities.ts';
import { api } from '../../lib/api.ts';
import { DateText } from '../../components/DateText.tsx';
import type { ActivityFilters } from './api.ts';
import { AUTO_LATER_DAYS } from './useActivityFilters.ts';

/**
 * The follow-ups the system scheduled further out than 30 days, which the list leaves out: one
 * collapsed line, opened to a line per deal with a way to list that deal's calls.
 */
export function AutoLaterCard({ filters, onShowDeal }: { filters: ActivityFilters; onShowDeal: (id: string) => void }) {
  const { t } = useTranslation();
  const { q: _q, sort: _sort, autoWithinDays, ...rest } = filters;
  const later = useQuery({
    queryKey: ['activities', 'auto-later', rest],
    enabled: autoWithinDays !== undefined,
    queryFn: () => api.get<AutoLater>('/api/activities/auto-later', { ...rest, afterDays: AUTO_LATER_DAYS }),
  });
  const data = later.data;
  if (autoWithinDays === undefined || !data?.total) return null;
  return (
    <Collapse
      size="small"
      style={{ marginBottom: 12 }}
      data-testid="auto-later"
      items={[
        {
          key: 'later',
          label: t('activities.autoLater.summary', {
            count: data.total,
            deals: data.deals.length,
            days: AUTO_LATER_DAYS,
          }),
          children: (
            <List
              size="small"
              dataSource={data.deals}
              renderItem={(d) => (
                <List.Item
                  data-testid="auto-later-deal"
                  actions={
                    d.opportunityId
                      ? [
                          <Button
                            key="show"
                            size="small"
                            onClick={() => d.opportunityId && onShowDeal(d.opportunityId)}
                            data-testid="auto-later-show"
                          >
                            {t('activities.autoLater.show')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <List.Item.Meta
                    title={
                      d.opportunityId ? (
                        <Link to={`/opportunities/${d.opportunityId}`}>{d.opportunityName}</Link>
                      ) : (
                        d.accountName
                      )
                    }
                    description={
                      <Typography.Text type="secondary">
                        {d.accountName} · {t('activities.autoLater.count', { count: d.count })} ·{' '}
                        <DateText value={d.first} /> – <DateText value={d.last} />
                      </Typography.Text>
                    }
                  />
                </List.Item>
              )}
            />
          ),
        },
      ]}
    />
  );
}
