export const reminders = {
  reminders: { title: '提醒', empty: '没有提醒', markAllRead: '全部标为已读', markRead: '标为已读' },
};
