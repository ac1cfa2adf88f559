import type { MessageTree } from '../catalogue'

// How far ahead of or behind a pace, the way finance bureaus write it: 低于序时进度 1.53 个百分点.
export default {
  ahead: {
    time: { zh: '超序时进度 {points} 个百分点', en: '{points} pts ahead of pace' },
    plan: { zh: '超计划进度 {points} 个百分点', en: '{points} pts ahead of plan' },
  },
  behind: {
    time: { zh: '低于序时进度 {points} 个百分点', en: '{points} pts behind pace' },
    plan: { zh: '低于计划进度 {points} 个百分点', en: '{points} pts behind plan' },
  },
  level: {
    time: { zh: '与序时进度持平', en: 'on pace' },
    plan: { zh: '与计划进度持平', en: 'on plan' },
  },
} as const satisfies MessageTree
