import { useState } from 'react';
import { App, Button, Card, Col, Empty, Input, Popconfirm, Row, Space, Spin, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { SWOT_QUADRANTS } from '../../../core/enums.ts';
import type { SwotItem } from '../../../core/schemas/swot.ts';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useSwot, useSwotMutations } from './api.ts';

type Quadrant = SwotItem['quadrant'];
const COLORS: Record<Quadrant, string> = {
  strengths: '#f6ffed',
  weaknesses: '#fff7e6',
  opportunities: '#e6f4ff',
  threats: '#fff1f0',
};
const BORDERS: Record<Quadrant, string> = {
  strengths: '#b7eb8f',
  weaknesses: '#ffd591',
  opportunities: '#91caff',
  threats: '#ffa39e',
};

/** Four quadrants for an account or a deal. base: "/api/accounts/:id" or "/api/opportunities/:id". */
export function SwotBoard({ base, writable }: { base: string; writable: boolean }) {
  const { t } = useTranslation();
  const swot = useSwot(base);
  const m = useSwotMutations(base);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Partial<Record<Quadrant, string>>>({});

  const add = async (quadrant: Quadrant) => {
    const text = drafts[quadrant]?.trim();
    if (!text) return;
    try {
      await m.add.mutateAsync({ quadrant, text });
      message.success(t('common.saved'));
      setDrafts((d) => ({ ...d, [quadrant]: '' }));
    } catch (e) {
      fail(e);
    }
  };
  const rename = async (item: SwotItem, text: string) => {
    if (!text.trim() || text.trim() === item.text) return;
    try {
      await m.update.mutateAsync({ id: item.id, body: { text: text.trim() } });
      message.success(t('common.saved'));
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (item: SwotItem) => {
    try {
      await m.remove.mutateAsync(item.id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Card size="small" title={t('deals.swotTitle')} data-testid="swot-board">
      {swot.isError ? (
        <FullPageError error={swot.error} onRetry={() => void swot.refetch()} />
      ) : swot.isPending ? (
        <Spin />
      ) : (
        <Row gutter={[8, 8]}>
          {SWOT_QUADRANTS.map((q) => {
            const items = swot.data.filter((i) => i.quadrant === q).sort((a, b) => a.position - b.position);
            return (
              <Col key={q} xs={24} md={12}>
                <div
                  data-testid="swot-quadrant"
                  data-quadrant={q}
                  style={{
                    background: COLORS[q],
                    border: `1px solid ${BORDERS[q]}`,
                    borderRadius: 6,
                    padding: 8,
                    minHeight: 120,
                  }}
                >
                  <Typography.Text strong>{t(`enum.swotQuadrant.${q}`)}</Typography.Text>
                  {items.length === 0 && (
                    <Empty
                      image={Empty.PRESENTED_IMAGE_SIMPLE}
                      description={t('deals.swotEmpty')}
                      style={{ margin: '4px 0' }}
                    />
                  )}
                  <ul style={{ paddingInlineStart: 18, margin: '6px 0' }}>
                    {items.map((i) => (
                      <li key={i.id} data-testid="swot-item">
                        <Space align="start" size={4} style={{ width: '100%', justifyContent: 'space-between' }}>
                          <Typography.Paragraph
                            style={{ margin: 0 }}
                            editable={writable ? { onChange: (v) => void rename(i, v), maxLength: 500 } : false}
                          >
                            {i.text}
                          </Typography.Paragraph>
                          {writable && (
                            <Popconfirm
                              title={t('common.delete')}
                              onConfirm={() => void remove(i)}
                              okText={t('common.delete')}
                              okButtonProps={{ danger: true }}
                              cancelText={t('common.cancel')}
                            >
                              <Button
                                size="small"
                                type="text"
                                danger
                                icon={<DeleteOutlined />}
                                aria-label={t('common.delete')}
                              />
                            </Popconfirm>
                          )}
                        </Space>
                      </li>
                    ))}
                  </ul>
                  {writable && (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input
                        size="small"
                        value={drafts[q] ?? ''}
                        onChange={(e) => setDrafts((d) => ({ ...d, [q]: e.target.value }))}
                        onPressEnter={() => void add(q)}
                        maxLength={500}
                        placeholder={t('deals.notePlaceholder')}
                        data-testid={`swot-input-${q}`}
                      />
                      <Button
                        size="small"
                        onClick={() => void add(q)}
                        loading={m.add.isPending}
                        data-testid={`swot-add-${q}`}
                      >
                        {t('deals.addSwot')}
                      </Button>
                    </Space.Compact>
                  )}
                </div>
              </Col>
            );
          })}
        </Row>
      )}
    </Card>
  );
}
