import { describe, expect, it } from 'vitest';
import { escapeXhtml, list, narrative, paragraph } from './fhir.narrative';

describe('XHTML narrative', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXhtml(`<img src=x onerror='a()'> & "b"`)).toBe(
      '&lt;img src=x onerror=&#39;a()&#39;&gt; &amp; &quot;b&quot;',
    );
    expect(escapeXhtml('a\u0000b\u0007c\u001bd\tе\uFFFE')).toBe('abcd\tе');
    expect(escapeXhtml('&amp;')).toBe('&amp;amp;');
  });

  it('turns line breaks into <br/> inside one paragraph and wraps the div in the XHTML namespace', () => {
    expect(paragraph('  Строка 1\r\nСтрока <2>\nСтрока 3 ')).toBe(
      '<p>Строка 1<br/>Строка &lt;2&gt;<br/>Строка 3</p>',
    );
    expect(narrative([list(['a<b', 'c'])])).toEqual({
      status: 'generated',
      div: '<div xmlns="http://www.w3.org/1999/xhtml"><ul><li>a&lt;b</li><li>c</li></ul></div>',
    });
  });
});
