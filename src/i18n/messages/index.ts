import assessment from './assessment'
import bureau from './bureau'
import common from './common'
import data from './data'
import monitor from './monitor'
import overview from './overview'
import progress from './progress'
import screen from './screen'
import years from './years'

/** One namespace per feature; a leaf is `{ zh, en }`. */
export const messages = { assessment, bureau, common, data, monitor, overview, progress, screen, years }
