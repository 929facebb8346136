// The antd theme: the brand blue, and text colours that read at WCAG AA (4.5:1) on the white cards
// and the grey page behind them (issue 21, item 10). antd's default greys (45 % black for secondary
// text, 25 % for placeholders), its link blue and the "7" shade its coloured tags write in fall short.
import type { ThemeConfig } from 'antd';
import { TEXT_SECONDARY } from '../components/a11y.ts';

const PRIMARY = '#1d4ed8';
/** The brand palette's fifth shade: 4.3:1 on white, so a focus ring in it is seen (WCAG 1.4.11 asks 3:1). */
const FOCUS_RING = '#4373e6';

/**
 * Coloured tags write in their colour's 7th shade on its 1st; these are the first shades that reach 4.5:1.
 * antd keeps each shade under two names (gold7 and gold-7) that become one CSS variable: both are set,
 * or the one left alone wins.
 */
const TAG_TEXT = Object.fromEntries(
  Object.entries({
    volcano: '#ad2102',
    orange: '#ad4e00',
    gold: '#874d00',
    yellow: '#876800',
    lime: '#3f6600',
    green: '#237804',
    cyan: '#006d75',
  }).flatMap(([color, shade]) => [
    [`${color}7`, shade],
    [`${color}-7`, shade],
  ]),
);

export const appTheme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY,
    // Every antd focus-visible outline (menu items, buttons, tabs, switches…) is drawn in colorPrimaryBorder,
    // 1.8:1 on white by default. Its other uses (a slider's track, a date range's hover border) only gain.
    colorPrimaryBorder: FOCUS_RING,
    // Links and "processing" tags follow colorInfo, which antd does not derive from colorPrimary.
    colorInfo: PRIMARY,
    colorLink: PRIMARY,
    // Danger buttons and error text: antd's #ff4d4f is 3.3:1 on white; red-7 is 5.6:1.
    colorError: '#cf1322',
    // Secondary text (Typography type="secondary" and the other colorTextDescription users, descriptions'
    // labels, empty states) follows colorTextTertiary: 58 % black, 5.2:1 on the #f5f5f5 page.
    colorTextTertiary: TEXT_SECONDARY,
    // Placeholders are the only hint a filter shows of what it filters: 56 % black, 4.9:1 on white.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    ...TAG_TEXT,
  },
  components: {
    // Status tags write in the status colour itself (#52c41a, #faad14: 2–3:1); theirs are the text shades.
    // A checked checkable tag (a pick among suggestions) writes white on colorPrimaryHover while hovered, which
    // a tap leaves on a phone: the derived #4373e6 is 4.3:1; this shade, still lighter than the brand, is 5.0:1.
    Tag: { colorSuccess: '#237804', colorWarning: '#874d00', colorPrimaryHover: '#3b66e0' },
    // An empty table or list says so in the disabled grey (1.8:1); it is content, so in the secondary one.
    Table: { colorTextDisabled: TEXT_SECONDARY },
    // A List's empty text reads the variable from the Spin the list wraps its items in, not from the List.
    Spin: { colorTextDisabled: TEXT_SECONDARY },
    // A focused field is ringed in a 10 % tint of the brand colour by default: in a shade that is seen.
    Input: { activeShadow: `0 0 0 2px ${FOCUS_RING}` },
    InputNumber: { activeShadow: `0 0 0 2px ${FOCUS_RING}` },
    DatePicker: { activeShadow: `0 0 0 2px ${FOCUS_RING}` },
    Select: { activeOutlineColor: FOCUS_RING },
  },
};
