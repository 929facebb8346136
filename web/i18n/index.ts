import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { zhCN } from './zh-CN/index.ts';
import { en } from './en/index.ts';

export type UiLang = 'zh-CN' | 'en';
const STORAGE_KEY = 'openkam.lang';

export function initialLang(): UiLang {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  if (saved === 'zh-CN' || saved === 'en') return saved;
  // Chinese first: only an English browser gets English by default.
  const nav = typeof navigator !== 'undefined' ? navigator.language : '';
  return nav.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initialLang(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});

dayjs.locale(i18n.language === 'en' ? 'en' : 'zh-cn');

export function currentLang(): UiLang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export async function setLang(lang: UiLang): Promise<void> {
  localStorage.setItem(STORAGE_KEY, lang);
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
  await i18n.changeLanguage(lang);
}
