import { useState } from 'react';
import { App, Button, Input, Popconfirm, Popover, Select, Space } from 'antd';
import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useApiFeedback } from '../../components/useApiFeedback.ts';
import { useDeleteView, useSaveView, useSavedViews } from './api.ts';

interface Props {
  /** The filters now in effect (URL parameters). */
  current: Record<string, string>;
  onPick: (query: Record<string, string>) => void;
  mobile: boolean;
}

/** Named filter sets, stored on the server so they follow the user. */
export function SavedViews({ current, onPick, mobile }: Props) {
  const { t } = useTranslation();
  const views = useSavedViews();
  const save = useSaveView();
  const del = useDeleteView();
  const fail = useApiFeedback();
  const { message } = App.useApp();
  const [picked, setPicked] = useState<string | undefined>();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const pick = (id: string | undefined) => {
    setPicked(id);
    const v = views.data?.find((x) => x.id === id);
    if (!v) return;
    const q: Record<string, string> = {};
    for (const [k, val] of Object.entries(v.query))
      if (val !== null && val !== undefined && val !== '') q[k] = String(val);
    onPick(q);
  };
  const submit = async () => {
    if (!name.trim()) return;
    try {
      const v = await save.mutateAsync({ list: 'opportunities', name: name.trim(), query: current });
      message.success(t('deals.viewSaved'));
      setPicked(v.id);
      setNaming(false);
      setName('');
    } catch (e) {
      fail(e);
    }
  };
  const remove = async () => {
    if (!picked) return;
    try {
      await del.mutateAsync(picked);
      setPicked(undefined);
      message.success(t('common.deleted'));
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space.Compact style={{ width: mobile ? '100%' : undefined }} data-testid="saved-views">
      <Select<string>
        allowClear
        value={picked}
        onChange={pick}
        loading={views.isPending}
        placeholder={t('deals.savedViews')}
        aria-label={t('deals.savedViews')}
        notFoundContent={t('deals.noViews')}
        options={(views.data ?? []).map((v) => ({ value: v.id, label: v.name }))}
        style={{ width: mobile ? '100%' : 180 }}
        data-testid="saved-view-select"
      />
      <Popover
        open={naming}
        onOpenChange={setNaming}
        trigger="click"
        title={t('deals.saveView')}
        content={
          <Space.Compact>
            <Input
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
              onPressEnter={() => void submit()}
              placeholder={t('deals.viewName')}
              maxLength={100}
              data-testid="view-name"
            />
            <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="view-save">
              {t('common.save')}
            </Button>
          </Space.Compact>
        }
      >
        <Button
          icon={<SaveOutlined />}
          title={t('deals.saveView')}
          aria-label={t('deals.saveView')}
          data-testid="save-view"
        />
      </Popover>
      {picked && (
        <Popconfirm
          title={t('deals.deleteView')}
          onConfirm={() => void remove()}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
        >
          <Button danger icon={<DeleteOutlined />} aria-label={t('deals.deleteView')} data-testid="delete-view" />
        </Popconfirm>
      )}
    </Space.Compact>
  );
}
