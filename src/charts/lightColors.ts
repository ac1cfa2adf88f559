import type { Light } from '@/domain/types'

export const LIGHT_COLORS: Record<Light, string> = {
  red: '#d9363e',
  yellow: '#e8a317',
  green: '#2e9e5b',
  blue: '#2f6fd6',
  none: '#9aa3ad',
}
