import { TreeSelect, type TreeSelectProps } from 'antd';
import { buildTeamTree, useTeams, type TeamNode } from '../lib/org.ts';
import { ownName } from './a11y.ts';

type Props = Omit<TreeSelectProps<string>, 'treeData' | 'loading'> & { exclude?: Set<string> };

interface Option {
  value: string;
  title: string;
  disabled?: boolean;
  children: Option[];
}

export function TeamSelect({ exclude, ...rest }: Props) {
  const teams = useTeams();
  const toOptions = (nodes: TeamNode[]): Option[] =>
    nodes.map((n) => ({
      value: n.team.id,
      title: n.team.name,
      disabled: exclude?.has(n.team.id),
      children: toOptions(n.children),
    }));
  return (
    <TreeSelect<string>
      allowClear
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll
      loading={teams.isPending}
      {...rest}
      aria-label={ownName(rest)}
      treeData={toOptions(buildTeamTree(teams.data ?? []))}
    />
  );
}
