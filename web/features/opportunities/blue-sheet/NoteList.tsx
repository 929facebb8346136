import { useState, type ReactNode } from 'react';
import { App, Button, Input, List, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DealNote, OpportunityDetail } from '../../../../core/schemas/deals.ts';
import { DateText } from '../../../components/DateText.tsx';
import { useApiFeedback } from '../../../components/useApiFeedback.ts';
import { useAddNote, useDeleteNote } from '../api.ts';

interface Props {
  deal: OpportunityDetail;
  kind: DealNote['kind'];
  writable: boolean;
  icon: ReactNode;
}

/** Red flags and strengths the seller notes by hand, next to what the rules compute. */
export function NoteList({ deal, kind, writable, icon }: Props) {
  const { t } = useTranslation();
  const add = useAddNote(deal.id);
  const del = useDeleteNote(deal.id);
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const notes = deal.notes.filter((n) => n.kind === kind);

  const submit = async () => {
    if (!text.trim()) return;
    try {
      await add.mutateAsync({ kind, text: text.trim() });
      message.success(t('common.saved'));
      setText('');
    } catch (e) {
      fail(e);
    }
  };
  const remove = async (id: string) => {
    try {
      await del.mutateAsync(id);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <div data-testid={`notes-${kind}`}>
      <List
        size="small"
        dataSource={notes}
        locale={{ emptyText: t('deals.noNotes') }}
        renderItem={(n) => (
          <List.Item
            data-testid="deal-note"
            actions={
              writable
                ? [
                    <Popconfirm
                      key="d"
                      title={t('common.delete')}
                      onConfirm={() => void remove(n.id)}
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
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space align="start">
              {icon}
              <div>
                <div style={{ whiteSpace: 'pre-wrap' }}>{n.text}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.createdByName ?? ''} · <DateText value={n.createdAt} />
                </Typography.Text>
              </div>
            </Space>
          </List.Item>
        )}
      />
      {writable && (
        <Space.Compact style={{ width: '100%', marginTop: 8 }}>
          <Input
            value={text}
            onChange={(e) => setText(e.target.value)}
            onPressEnter={() => void submit()}
            placeholder={t('deals.notePlaceholder')}
            maxLength={1000}
            data-testid={`note-input-${kind}`}
          />
          <Button onClick={() => void submit()} loading={add.isPending} data-testid={`note-add-${kind}`}>
            {t('deals.addNote')}
          </Button>
        </Space.Compact>
      )}
    </div>
  );
}
