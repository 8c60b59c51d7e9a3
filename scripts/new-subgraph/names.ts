/** The spellings of a new subgraph's name that its files need. */
export type Names = {
  /** As typed and in paths, package names and the manifest: `referrals`. */
  name: string;
  /** GraphQL type prefix: `Referrals`. */
  Name: string;
  /** Settings prefix: `REFERRALS` (REFERRALS_URL, REFERRALS_DATABASE_URL). */
  NAME: string;
  /** camelCase prefix of root fields: `referrals`. */
  camel: string;
  /** Development port (the manifest's devPort). */
  port: number;
};

const NAME = /^[a-z][a-z0-9-]{1,29}$/;

/** Validates a subgraph name (lower-case letters, digits, dashes) and derives its spellings. */
export function namesFor(name: string, port: number): Names {
  if (!NAME.test(name) || name.endsWith('-'))
    throw new Error(`"${name}": use 2-30 lower-case latin letters, digits or dashes, starting with a letter`);
  const parts = name.split('-');
  const Name = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  return {
    name,
    Name,
    NAME: parts.join('_').toUpperCase(),
    camel: Name[0]!.toLowerCase() + Name.slice(1),
    port,
  };
}
