import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { ownName } from './a11y.ts';

type Props = Omit<SelectProps<string>, 'options'> & {
  /** i18n group under enum.*, e.g. "ownershipType". */
  group: string;
  values: readonly string[];
};

/** A Select over one of core/enums.ts lists, labelled in the current language. */
export function EnumSelect({ group, values, ...rest }: Props) {
  const { t } = useTranslation();
  return (
    <Select<string>
      {...rest}
      aria-label={ownName(rest)}
      options={values.map((v) => ({ value: v, label: t(`enum.${group}.${v}`) }))}
    />
  );
}
