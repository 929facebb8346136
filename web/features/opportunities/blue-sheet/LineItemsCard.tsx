import { Card, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { fromCents, toCents } from '../../../../core/funnel.ts';
import type { LineItem, OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { MoneyText } from '../../../components/MoneyText.tsx';
import { TEXT_SECONDARY } from '../../../components/a11y.ts';

export function LineItemsCard({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation();
  const total = fromCents(deal.items.reduce((s, i) => s + toCents(i.total), 0n));
  return (
    <Card size="small" title={t('deals.lineItemsTitle')} data-testid="deal-line-items">
      {deal.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.noItems')} />
      ) : (
        <Table<LineItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={deal.items}
          scroll={{ x: 560 }}
          columns={[
            {
              key: 'product',
              title: t('field.lineItem.productId'),
              render: (_, i) => (
                <>
                  {i.productName} <span style={{ color: TEXT_SECONDARY, fontSize: 12 }}>{i.category}</span>
                </>
              ),
            },
            { key: 'q', title: t('field.lineItem.quantity'), align: 'right', width: 80, render: (_, i) => i.quantity },
            {
              key: 'p',
              title: t('field.lineItem.price'),
              align: 'right',
              width: 130,
              render: (_, i) => <MoneyText value={i.price} />,
            },
            {
              key: 'd',
              title: t('field.lineItem.discount'),
              align: 'right',
              width: 80,
              render: (_, i) => `${i.discount}%`,
            },
            {
              key: 't',
              title: t('field.lineItem.total'),
              align: 'right',
              width: 140,
              render: (_, i) => <MoneyText value={i.total} />,
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t('deals.itemsTotal')}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <strong data-testid="deal-items-total">
                  <MoneyText value={total} />
                </strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      )}
    </Card>
  );
}
