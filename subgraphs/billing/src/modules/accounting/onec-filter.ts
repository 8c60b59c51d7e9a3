/**
 * The `$filter` subset the 1C emulator understands: `Field eq <literal>` conditions joined by
 * `and`. Literals as OData v3 writes them: `'text'` (a quote doubled inside), `guid'…'`,
 * `true`/`false`, numbers, `datetime'…'` (kept as the 1C date string). Anything else is refused,
 * as 1C refuses a filter it cannot parse.
 */
export type Condition = { field: string; value: string | number | boolean | { guid: string } };

const FIELD = /^[\p{L}_][\p{L}\p{N}_]*(?:\/[\p{L}_][\p{L}\p{N}_]*)?/u;

export function parseFilter(text: string): Condition[] {
  let i = 0;
  const skipSpaces = () => {
    while (text[i] === ' ') i++;
  };
  const word = (w: string) => {
    skipSpaces();
    if (text.startsWith(w, i) && (text[i + w.length] === ' ' || text[i + w.length] === undefined)) {
      i += w.length;
      return true;
    }
    return false;
  };
  const quoted = (): string => {
    if (text[i] !== "'") throw new Error(`ожидается ' в позиции ${i}`);
    let out = '';
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) throw new Error('незакрытая строка');
      if (c === "'") {
        if (text[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        i++;
        return out;
      }
      out += c;
      i++;
    }
  };
  const literal = (): Condition['value'] => {
    skipSpaces();
    if (text[i] === "'") return quoted();
    if (text.startsWith("guid'", i)) {
      i += 4;
      const g = quoted();
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(g))
        throw new Error('неверный guid');
      return { guid: g.toLowerCase() };
    }
    if (text.startsWith("datetime'", i)) {
      i += 8;
      return quoted();
    }
    if (word('true')) return true;
    if (word('false')) return false;
    const num = /^-?\d+(?:\.\d+)?/.exec(text.slice(i));
    if (num) {
      i += num[0].length;
      return Number(num[0]);
    }
    throw new Error(`неизвестный литерал в позиции ${i}`);
  };

  const out: Condition[] = [];
  do {
    skipSpaces();
    const f = FIELD.exec(text.slice(i));
    if (!f) throw new Error(`ожидается имя поля в позиции ${i}`);
    i += f[0].length;
    if (!word('eq')) throw new Error(`поддерживается только eq (позиция ${i})`);
    out.push({ field: f[0], value: literal() });
  } while (word('and'));
  skipSpaces();
  if (i !== text.length) throw new Error(`лишний текст в позиции ${i}`);
  return out;
}
