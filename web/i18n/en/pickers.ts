import type { Widen } from '../types.ts';
import type { pickers as zh } from '../zh-CN/pickers.ts';

export const pickers: Widen<typeof zh> = {
  pickers: {
    region: 'Region',
    regionPlaceholder: 'Choose province / city / district',
    regionFilter: 'Province / city',
    regionLoading: 'Loading divisions…',
    industry: 'Industry (GB/T 4754)',
    industryPlaceholder: 'Choose section / division',
    typedBefore: 'Typed before: {{text}} (no standard code matched; choosing one replaces it)',
    byProvince: 'By province',
    noRegion: 'No region',
    byProvinceCount: '{{name}} {{count}}',
    other: 'Other',
    otherText: 'Please describe',
    lists: {
      lostReasons: 'Lost reasons',
      dealSources: 'Deal sources',
      title: 'Option lists',
      hint: 'Reps pick from these in the deal form and the lost dialog; text can be typed only with "Other".',
      add: 'Add option',
      saved: 'Options saved',
    },
  },
};
