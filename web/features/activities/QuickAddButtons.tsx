import { useState } from 'react';
import { Button, Space } from 'antd';
import { CalendarOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { canWrite, useMe } from '../../lib/session.ts';
import { TaskFormDrawer } from '../tasks/TaskFormDrawer.tsx';
import { ActivityFormDrawer } from './ActivityFormDrawer.tsx';

interface Props {
  accountId: string;
  accountName: string;
  opportunityId?: string;
  contactId?: string;
}

/** "Plan a visit" and "new task" on account, deal and contact pages, prefilled with that record. */
export function QuickAddButtons({ accountId, accountName, opportunityId, contactId }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const [planning, setPlanning] = useState(false);
  const [tasking, setTasking] = useState(false);
  if (!canWrite(me)) return null;
  const prefill = { accountId, accountName, opportunityId, contactId };
  return (
    <>
      {/* Its own Space: the page header's Space treats this component as one item. */}
      <Space wrap>
        <Button icon={<CalendarOutlined />} onClick={() => setPlanning(true)} data-testid="quick-plan-visit">
          {t('activities.quickAdd')}
        </Button>
        <Button icon={<CheckSquareOutlined />} onClick={() => setTasking(true)} data-testid="quick-new-task">
          {t('tasks.new')}
        </Button>
      </Space>
      <ActivityFormDrawer open={planning} onClose={() => setPlanning(false)} prefill={prefill} />
      <TaskFormDrawer open={tasking} onClose={() => setTasking(false)} prefill={prefill} />
    </>
  );
}
