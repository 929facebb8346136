import { Button, Flex, Form, Input, Select, Typography, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MONEY_INPUT_RE, normaliseMoney } from '../../lib/money.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { useIsMobile } from '../../components/useIsMobile.ts';
import { useProducts } from '../products/api.ts';
import { DISCOUNT_RE, QUANTITY_RE, itemsTotal, rowTotal, type LineItemValues } from './lineItems.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';
import { useMoney } from '../../components/useMoney.ts';

/** Form.List "items": product, quantity, price (list price when blank), discount %, with live exact totals. */
export function LineItemsEditor({ form, onUseTotal }: { form: FormInstance; onUseTotal: (total: string) => void }) {
  const { t } = useTranslation();
  const money = useMoney('full');
  const mobile = useIsMobile();
  const products = useProducts();
  const rows = Form.useWatch('items', form) as LineItemValues[] | undefined;
  const catalogue = products.data ?? [];
  const total = itemsTotal(rows, catalogue);
  const basis = mobile ? '100%' : undefined;

  const check = (re: RegExp, msg: string) => ({
    validator: (_: unknown, v: unknown) => {
      const s = typeof v === 'string' ? v.trim() : '';
      return !s || re.test(s) ? Promise.resolve() : Promise.reject(new Error(msg));
    },
  });

  return (
    <div data-testid="line-items">
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => {
              const row = rows?.[f.name];
              const product = catalogue.find((p) => p.id === row?.productId);
              const lt = rowTotal(row, catalogue);
              return (
                <Flex
                  key={f.key}
                  gap={8}
                  wrap={mobile}
                  align="flex-start"
                  data-testid="line-item-row"
                  style={{ borderBottom: mobile ? '1px dashed #eee' : undefined, marginBottom: mobile ? 8 : 0 }}
                >
                  <Form.Item
                    name={[f.name, 'productId']}
                    rules={[{ required: true, message: t('validation.required') }]}
                    style={{ flex: mobile ? '1 1 100%' : '2 1 0', marginBottom: 8 }}
                  >
                    <Select<string>
                      showSearch={{ optionFilterProp: 'label' }}
                      placeholder={t('field.lineItem.productId')}
                      options={catalogue
                        .filter((p) => p.active || p.id === row?.productId)
                        .map((p) => ({ value: p.id, label: `${p.name} · ${p.category}` }))}
                      data-testid="line-item-product"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'quantity']}
                    rules={[
                      { required: true, message: t('validation.required') },
                      check(QUANTITY_RE, t('validation.money')),
                    ]}
                    style={{ flex: mobile ? '1 1 30%' : '0 0 90px', marginBottom: 8 }}
                  >
                    <Input
                      placeholder={t('field.lineItem.quantity')}
                      inputMode="decimal"
                      data-testid="line-item-quantity"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'price']}
                    rules={[
                      {
                        validator: (_, v: unknown) => {
                          const s = normaliseMoney(typeof v === 'string' ? v : null);
                          return s === null || MONEY_INPUT_RE.test(s)
                            ? Promise.resolve()
                            : Promise.reject(new Error(t('validation.money')));
                        },
                      },
                    ]}
                    tooltip={product ? t('deals.listPriceHint', { price: money(product.listPrice) }) : undefined}
                    style={{ flex: mobile ? '1 1 40%' : '1 1 0', marginBottom: 8 }}
                  >
                    <MoneyInput
                      placeholder={product?.listPrice ?? t('field.lineItem.price')}
                      data-testid="line-item-price"
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'discount']}
                    rules={[check(DISCOUNT_RE, '0–100')]}
                    style={{ flex: mobile ? '1 1 20%' : '0 0 90px', marginBottom: 8 }}
                  >
                    <Input suffix="%" placeholder="0" inputMode="decimal" data-testid="line-item-discount" />
                  </Form.Item>
                  <div
                    style={{
                      flex: mobile ? '1 1 auto' : '0 0 130px',
                      textAlign: 'right',
                      paddingTop: 5,
                      flexBasis: basis && 'auto',
                    }}
                    data-testid="line-item-total"
                  >
                    {lt ? <MoneyText value={lt} /> : '—'}
                  </div>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    aria-label={t('common.remove')}
                  />
                </Flex>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ quantity: '1' })}
              block
              disabled={fields.length >= 100}
              data-testid="add-line-item"
            >
              {catalogue.length ? t('deals.addItem') : t('deals.noProducts')}
            </Button>
          </>
        )}
      </Form.List>
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }} wrap gap={8}>
        <Typography.Text>
          {t('deals.itemsTotal')}:{' '}
          <strong data-testid="items-total">
            <MoneyText value={total} />
          </strong>
        </Typography.Text>
        <Button
          size="small"
          onClick={() => onUseTotal(total)}
          disabled={total === '0.00'}
          data-testid="use-items-total"
        >
          {t('deals.useItemsTotal')}
        </Button>
      </Flex>
    </div>
  );
}
