import { useEffect } from 'react';
import { App, Input, Modal, Switch } from 'antd';
import { FINISHED, Form } from '../../components/Form.tsx';
import { useTranslation } from 'react-i18next';
import type { Product, ProductUpdate } from '../../../core/schemas/catalog.ts';
import { MONEY_INPUT_RE, normaliseMoney } from '../../lib/money.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useProducts, useSaveProduct } from './api.ts';
import { MoneyInput } from '../../components/MoneyInput.tsx';

export type ProductDialog = { mode: 'create' } | { mode: 'edit'; product: Product };
interface Values {
  name: string;
  category: string;
  listPrice: string;
  active: boolean;
}

export function ProductFormModal({ dialog, onClose }: { dialog: ProductDialog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveProduct();
  const products = useProducts();
  const fail = useApiFeedback();
  const { message } = App.useApp();

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    if (dialog.mode === 'edit') form.setFieldsValue({ ...dialog.product });
    else form.setFieldsValue({ active: true });
  }, [dialog, form]);

  const submit = async (v: Values) => {
    if (!dialog) return;
    const listPrice = normaliseMoney(v.listPrice) ?? '0';
    try {
      if (dialog.mode === 'edit') {
        const p = dialog.product;
        const body: ProductUpdate = { version: p.version };
        if (v.name.trim() !== p.name) body.name = v.name.trim();
        if (v.category.trim() !== p.category) body.category = v.category.trim();
        if (listPrice !== p.listPrice) body.listPrice = listPrice;
        if (v.active !== p.active) body.active = v.active;
        await save.mutateAsync({ id: p.id, body });
      } else {
        await save.mutateAsync({
          body: { name: v.name.trim(), category: v.category.trim(), listPrice, active: v.active },
        });
      }
      message.success(t('common.saved'));
      onClose();
      return FINISHED;
    } catch (e) {
      fail(e, { form, onReload: () => void products.refetch().then(onClose) });
    }
  };

  const categories = [...new Set((products.data ?? []).map((p) => p.category))];

  return (
    <Modal
      open={!!dialog}
      title={dialog?.mode === 'edit' ? t('catalog.editProduct') : t('catalog.newProduct')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Form form={form} onFinish={submit} layout="vertical" data-testid="product-form">
        <Form.Item
          name="name"
          label={t('field.product.name')}
          rules={[{ required: true, message: t('validation.required') }, { max: 200 }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item
          name="category"
          label={t('field.product.category')}
          rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input list="product-categories" />
        </Form.Item>
        <datalist id="product-categories">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Form.Item
          name="listPrice"
          label={t('field.product.listPrice')}
          rules={[
            { required: true, message: t('validation.required') },
            {
              validator: (_, v: unknown) =>
                MONEY_INPUT_RE.test(normaliseMoney(typeof v === 'string' ? v : '') ?? '')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.money'))),
            },
          ]}
        >
          <MoneyInput />
        </Form.Item>
        <Form.Item name="active" label={t('field.product.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
