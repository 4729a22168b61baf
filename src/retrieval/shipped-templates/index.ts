import { SHIPPED_TEMPLATES_EN } from './shipped-templates.en';
import { SHIPPED_TEMPLATES_ZH } from './shipped-templates.zh';
import { ShippedTemplate } from './shipped-template';

/** Every shipped template, English then Chinese. */
export const SHIPPED_TEMPLATES: readonly ShippedTemplate[] = [
  ...SHIPPED_TEMPLATES_EN,
  ...SHIPPED_TEMPLATES_ZH,
];
export * from './shipped-template';
export * from './shipped-faq';
