/** Every identifier goes through here: double quotes doubled. */
export const ident = (name: string): string => `"${name.replaceAll('"', '""')}"`

/** A string literal, for the few places a prepared-statement parameter cannot go (file names, DDL). */
export const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`
