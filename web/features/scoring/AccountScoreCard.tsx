import { Card, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AccountScore } from '../../../core/schemas/key-accounts.ts';
import { EnumTag } from '../../components/EnumTag.tsx';
import { useMoney } from '../../components/useMoney.ts';
import { useAccountScore } from './api.ts';
import { criterionLabel } from './labels.ts';

type Measure = AccountScore['criteria'][number]['measures'][number];
const MONEY_FIELDS = ['ourRevenue', 'potential', 'annualRevenue'];

function shownValue(
  t: TFunction,
  locale: string,
  money: (v: string) => string,
  r: Pick<Measure, 'field' | 'value'>,
): string {
  if (r.value === null) return '—';
  if (MONEY_FIELDS.includes(r.field)) return money(r.value);
  if (r.field === 'financialStatus' || r.field === 'relationshipStage') return t(`enum.${r.field}.${r.value}`);
  return r.value;
}

/** The account's key-account score and how each criterion of the model made it up. */
export function AccountScoreCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const score = useAccountScore(accountId);
  const s = score.data;
  const locale = t('common.numberLocale');
  const money = useMoney();
  return (
    <Card
      size="small"
      title={t('scoring.cardTitle')}
      loading={score.isPending}
      style={{ marginBottom: 12 }}
      data-testid="account-score-card"
    >
      {s && (
        <Flex gap={16} wrap align="flex-start">
          <Flex vertical align="center" gap={4}>
            <Progress
              type="circle"
              size={72}
              percent={s.score}
              format={() => <span data-testid="account-score">{s.score}</span>}
              aria-label={t('scoring.cardTitle')}
            />
            <Space size={4} wrap>
              <Typography.Text type="secondary">{t('scoring.recommended')}</Typography.Text>
              <span data-testid="account-score-recommended">
                <EnumTag group="tier" value={s.recommendedTier} />
              </span>
            </Space>
            {s.tier !== s.recommendedTier && <Tag color="warning">{t('scoring.disagree')}</Tag>}
          </Flex>
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            {s.criteria.map((c) => (
              <Flex
                key={c.key}
                justify="space-between"
                gap={8}
                style={{ padding: '4px 0', borderBottom: '1px solid rgba(5, 5, 5, 0.06)' }}
                data-testid="score-criterion"
              >
                <div style={{ minWidth: 0 }}>
                  <Typography.Text>{criterionLabel(t, c)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{shownValue(t, locale, money, c)}</Typography.Text>
                  {c.missing && <Tag style={{ marginInlineStart: 6 }}>{t('scoring.missing')}</Tag>}
                  {c.measures.length > 1 && (
                    // The larger of several figures: each with its points, the one that counted in bold.
                    <Typography.Paragraph
                      type="secondary"
                      style={{ margin: 0, fontSize: 12 }}
                      data-testid="score-measures"
                    >
                      {c.measures.map((m, i) => (
                        <span key={m.field} style={{ fontWeight: m.field === c.field ? 600 : undefined }}>
                          {i > 0 && ' · '}
                          {t('scoring.measure', {
                            field: t(`field.account.${m.field}`),
                            value: shownValue(t, locale, money, m),
                            points: m.points,
                          })}
                        </span>
                      ))}
                    </Typography.Paragraph>
                  )}
                </div>
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                  {t('scoring.contribution', {
                    points: c.points,
                    weight: c.weight,
                    contribution: Math.round(c.contribution * 10) / 10,
                  })}
                </Typography.Text>
              </Flex>
            ))}
          </div>
        </Flex>
      )}
    </Card>
  );
}
