/** Types of petrovich 0.2 (the package ships none). */
declare module 'petrovich' {
  type Gender = 'male' | 'female' | 'androgynous';
  type Case = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'instrumental' | 'prepositional';
  type Person = { first?: string; middle?: string; last?: string; gender?: Gender };
  type Petrovich = {
    (person: Person, gcase: Case): Person & { gender: Gender };
    detect_gender(middle: string): Gender;
  };
  const petrovich: Petrovich;
  export default petrovich;
}
