import { Select, type SelectProps } from 'antd';
import { withCurrent, type Option } from '../../lib/options.ts';
import { useTaskAssignees } from './api.ts';
import { ownName } from '../../components/a11y.ts';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & {
  /** The task's account: its team may have the task too. */
  accountId: string | null | undefined;
  /** Whoever has the task already, shown by name even when the caller could not assign them now. */
  current?: Option | null;
};

/** The task assignee picker: only the people the server lets the caller hand a task (their data scope, the account's team). */
export function AssigneeSelect({ accountId, current, ...rest }: Props) {
  const people = useTaskAssignees(accountId);
  const options = withCurrent(
    (people.data ?? []).map((u) => ({ value: u.id, label: u.name })),
    [current],
  );
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={people.isPending}
      {...rest}
      aria-label={ownName(rest)}
      options={options}
    />
  );
}
