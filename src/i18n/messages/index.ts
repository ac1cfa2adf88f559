import common from './common'
import monitor from './monitor'
import overview from './overview'

/** One namespace per feature; a leaf is `{ zh, en }`. */
export const messages = { common, monitor, overview }
