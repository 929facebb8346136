import { useState } from 'react';
import { App, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../core/schemas/catalog.ts';
import { useMe } from '../../lib/session.ts';
import { MoneyText } from '../../components/MoneyText.tsx';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDeleteProduct, useProducts } from './api.ts';
import { ListCount } from '../../components/ListCount.tsx';
import { ProductFormModal, type ProductDialog } from './ProductFormModal.tsx';

export function ProductsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const admin = me.role === 'admin';
  const products = useProducts();
  const del = useDeleteProduct();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<ProductDialog | null>(null);

  const remove = async (p: Product) => {
    try {
      await del.mutateAsync(p.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  const columns: ColumnsType<Product> = [
    { key: 'name', title: t('field.product.name'), render: (_, p) => <span data-testid="product-name">{p.name}</span> },
    { key: 'category', title: t('field.product.category'), width: 160, render: (_, p) => p.category },
    {
      key: 'listPrice',
      title: t('field.product.listPrice'),
      width: 160,
      align: 'right',
      render: (_, p) => <MoneyText value={p.listPrice} />,
    },
    {
      key: 'active',
      title: t('field.product.active'),
      width: 100,
      render: (_, p) =>
        p.active ? <Tag color="green">{t('field.product.active')}</Tag> : <Tag>{t('catalog.inactive')}</Tag>,
    },
  ];
  if (admin) {
    columns.push({
      key: 'actions',
      width: 96,
      render: (_, p) => (
        <Space size={2}>
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => setDialog({ mode: 'edit', product: p })}
            aria-label={t('common.edit')}
          />
          <Popconfirm
            title={t('catalog.deleteProductConfirm', { name: p.name })}
            onConfirm={() => void remove(p)}
            okText={t('common.delete')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <div data-testid="products-page">
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.products')}
        </Typography.Title>
        {admin && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setDialog({ mode: 'create' })}
            data-testid="new-product"
          >
            {t('catalog.newProduct')}
          </Button>
        )}
      </Flex>
      {products.data && <ListCount count={products.data.length} block />}
      {products.isError ? (
        <FullPageError error={products.error} onRetry={() => void products.refetch()} />
      ) : (
        <Table<Product>
          data-testid="products-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={products.data ?? []}
          loading={products.isPending}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: <Empty description={t('catalog.noProducts')} /> }}
        />
      )}
      <ProductFormModal dialog={dialog} onClose={() => setDialog(null)} />
    </div>
  );
}
