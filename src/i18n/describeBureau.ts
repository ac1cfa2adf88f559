import type { RuleProfile } from '@/domain/bureau'
import { text } from './catalogue'
import type { Lang } from './lang'

const SHIPPED = { national: 'bureau.profileName.national', sichuan: 'bureau.profileName.sichuan' } as const

/** A rule profile's name: the shipped ones in the language on screen, a bureau's own as it was written. */
export function profileName(profile: Pick<RuleProfile, 'id' | 'name'>, lang: Lang): string {
  const key = SHIPPED[profile.id as keyof typeof SHIPPED]
  return key ? text(lang, key) : profile.name
}
