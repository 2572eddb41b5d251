export * from './types';
export * from './entities';
import { ENTITIES } from './entities';
import type { EntityDef, EntityName, FieldDef, Localized } from './types';

export function entityDef(name: EntityName): EntityDef {
  return ENTITIES[name];
}

export function fieldDef(entity: EntityName, key: string): FieldDef | undefined {
  return ENTITIES[entity].fields.find((f) => f.key === key);
}

/**
 * A choice field's options as a reader names them, in each language ("Dutch, English, French,
 * German"): what "Choose one of: …" lists. The stored codes (nl, en, fr, de) mean nothing to
 * someone who typed "Spaans"; an option without a label is shown as it is stored.
 */
export function optionList(field: Pick<FieldDef, 'options' | 'optionLabels'>): Localized {
  const names = (language: keyof Localized) => (field.options ?? []).map((option) => field.optionLabels?.[option]?.[language] ?? option).join(', ');
  return { en: names('en'), nl: names('nl') };
}
