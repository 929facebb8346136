import { Select, type SelectProps } from 'antd';
import { useUsers } from '../lib/org.ts';
import { ownName } from './a11y.ts';

type Props = Omit<SelectProps<string>, 'options' | 'loading'> & { activeOnly?: boolean };

export function UserSelect({ activeOnly = true, ...rest }: Props) {
  const users = useUsers();
  const options = (users.data ?? [])
    .filter((u) => !activeOnly || u.active || u.id === rest.value)
    .map((u) => ({ value: u.id, label: u.name }));
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      allowClear
      loading={users.isPending}
      {...rest}
      aria-label={ownName(rest)}
      options={options}
    />
  );
}
