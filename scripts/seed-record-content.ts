/**
 * Clinical content of the demo visits (Russian, as doctors write it), by the doctor's specialty.
 * ICD-10 codes come from the record subgraph's shipped subset. Invented cases: no real patient.
 */
import type { VisitContentInput } from '../subgraphs/record/src/modules/visit/visit.content';

const confirmed = (code: string, kind: 'PRIMARY' | 'SECONDARY' = 'PRIMARY') => ({
  code,
  kind,
  certainty: 'CONFIRMED' as const,
});

/** Signed visits by specialty (the n-th visit of a patient with that specialty takes the n-th). */
export const VISITS_BY_SPECIALTY: Record<string, VisitContentInput[]> = {
  терапевт: [
    {
      complaints: 'Насморк, першение в горле, температура до 37,8 °C в течение трёх дней, слабость.',
      anamnesis: 'Заболела остро после переохлаждения. Контакт с больными ОРВИ на работе.',
      examination:
        'Состояние удовлетворительное. Зев гиперемирован, миндалины не увеличены. Дыхание везикулярное, хрипов нет. ЧДД 17 в минуту, SpO₂ 98 %.',
      diagnoses: [confirmed('J06.9')],
      conclusion: 'Острая респираторная вирусная инфекция, лёгкое течение.',
      recommendations:
        'Обильное тёплое питьё, домашний режим 5 дней. Повторный приём при температуре выше 38,5 °C дольше трёх дней или при одышке.',
      prescriptions: [
        {
          drug: 'Парацетамол',
          form: 'таблетки',
          dose: '500 мг',
          route: 'внутрь',
          frequency: 'при температуре выше 38,5 °C, не чаще 4 раз в сутки',
          duration: 'до 5 дней',
        },
        {
          drug: 'Натрия хлорид 0,9 %',
          form: 'спрей назальный',
          dose: '2 впрыскивания',
          route: 'интраназально',
          frequency: '4 раза в день',
          duration: '7 дней',
        },
      ],
    },
    {
      complaints: 'Тяжесть и ноющая боль в эпигастрии после еды, изжога, чаще вечером.',
      anamnesis: 'Жалобы около месяца, нерегулярное питание. Ранее гастрит не диагностировался.',
      examination:
        'Живот мягкий, умеренно болезненный в эпигастрии. Симптомов раздражения брюшины нет. Печень по краю рёберной дуги.',
      diagnoses: [confirmed('K29.7'), confirmed('K21.9', 'SECONDARY')],
      conclusion: 'Гастрит неуточнённый, гастроэзофагеальный рефлюкс без эзофагита.',
      recommendations:
        'Дробное питание 5 раз в день, исключить острое и жареное, не ложиться в течение 2 часов после еды. ФГДС в плановом порядке.',
      prescriptions: [
        {
          drug: 'Омепразол',
          form: 'капсулы',
          dose: '20 мг',
          route: 'внутрь',
          frequency: '2 раза в день за 30 минут до еды',
          duration: '4 недели',
        },
      ],
      referrals: [{ kind: 'SPECIALIST', target: 'Гастроэнтеролог', note: 'После ФГДС' }],
    },
  ],
  кардиолог: [
    {
      complaints: 'Головная боль в затылке по утрам, повышение давления до 160/95 мм рт. ст.',
      anamnesis: 'Гипертоническая болезнь около 10 лет, принимает эналаприл нерегулярно.',
      examination:
        'АД 158/94 мм рт. ст. на обеих руках, ЧСС 78 в минуту, ритм правильный. Тоны сердца приглушены, акцент II тона над аортой. Отёков нет.',
      diagnoses: [confirmed('I10'), confirmed('E78.5', 'SECONDARY')],
      conclusion: 'Эссенциальная гипертензия, целевое давление не достигнуто. Гиперлипидемия.',
      recommendations:
        'Ежедневный контроль давления утром и вечером с записью в дневник. Ограничить соль до 5 г в сутки. Повторный приём через 4 недели с дневником давления.',
      prescriptions: [
        {
          drug: 'Лозартан',
          form: 'таблетки',
          dose: '50 мг',
          route: 'внутрь',
          frequency: '1 раз в день утром',
          duration: 'постоянно',
        },
        {
          drug: 'Аторвастатин',
          form: 'таблетки',
          dose: '20 мг',
          route: 'внутрь',
          frequency: '1 раз в день вечером',
          duration: 'постоянно',
          instructions: 'Контроль липидограммы и АЛТ через 6 недель',
        },
      ],
      referrals: [{ kind: 'LAB', target: 'Липидограмма, АЛТ, креатинин', note: null }],
    },
  ],
  невролог: [
    {
      complaints: 'Приступы пульсирующей головной боли справа с тошнотой и светобоязнью, 2–3 раза в месяц.',
      anamnesis: 'Головные боли с 20 лет, провоцируются недосыпанием и стрессом.',
      examination:
        'Сознание ясное. Черепные нервы без патологии. Менингеальных знаков нет. Сухожильные рефлексы живые, симметричные. Координаторные пробы выполняет уверенно.',
      diagnoses: [confirmed('G43.0')],
      conclusion: 'Мигрень без ауры, эпизодическая форма.',
      recommendations:
        'Дневник головной боли. Режим сна, регулярное питание. При приступе — препарат в первые 30 минут.',
      prescriptions: [
        {
          drug: 'Суматриптан',
          form: 'таблетки',
          dose: '50 мг',
          route: 'внутрь',
          frequency: 'при приступе, повторно не ранее чем через 2 часа',
          duration: 'не более 2 таблеток в сутки',
        },
      ],
    },
    {
      complaints: 'Ноющая боль в пояснице после подъёма тяжести, усиливается при наклонах.',
      anamnesis: 'Боль неделю, без иррадиации в ноги. Онемения и слабости в ногах нет.',
      examination:
        'Напряжение паравертебральных мышц поясничного отдела, ограничение наклонов вперёд. Симптом Ласега отрицательный с обеих сторон. Чувствительность сохранена.',
      diagnoses: [confirmed('M54.5')],
      conclusion: 'Неспецифическая боль внизу спины, острый период.',
      recommendations:
        'Сохранять двигательную активность, избегать подъёма тяжестей 2 недели. Лечебная физкультура после стихания боли.',
      prescriptions: [
        {
          drug: 'Ибупрофен',
          form: 'таблетки',
          dose: '400 мг',
          route: 'внутрь',
          frequency: '3 раза в день после еды',
          duration: '5 дней',
        },
      ],
    },
  ],
  эндокринолог: [
    {
      complaints: 'Сухость во рту, жажда, учащённое мочеиспускание.',
      anamnesis: 'Глюкоза натощак 7,4 ммоль/л при диспансеризации. Отец болел сахарным диабетом 2 типа.',
      examination: 'Рост 178 см, масса 96 кг, ИМТ 30,3. АД 138/86 мм рт. ст. Щитовидная железа не увеличена.',
      diagnoses: [confirmed('E11.9'), confirmed('E66.0', 'SECONDARY')],
      conclusion: 'Сахарный диабет 2 типа, впервые выявленный. Ожирение I степени.',
      recommendations:
        'Питание с ограничением простых углеводов, ходьба не менее 150 минут в неделю. Самоконтроль глюкозы. Повторный приём через 3 месяца с гликированным гемоглобином.',
      prescriptions: [
        {
          drug: 'Метформин',
          form: 'таблетки',
          dose: '500 мг',
          route: 'внутрь',
          frequency: '2 раза в день во время еды',
          duration: '3 месяца',
          instructions: 'Начать с 500 мг вечером, через неделю — 2 раза в день',
        },
      ],
      referrals: [{ kind: 'LAB', target: 'Гликированный гемоглобин (HbA1c)', note: 'Через 3 месяца' }],
    },
  ],
};

/** The correction of a signed visit (version 2) and why it was made. */
export function correctionOf(content: VisitContentInput): { content: VisitContentInput; reason: string } {
  return {
    content: {
      ...content,
      recommendations: `${content.recommendations ?? ''} Больничный лист на 5 дней.`.trim(),
    },
    reason: 'Не внесена отметка о выдаче листка нетрудоспособности',
  };
}

/** The visit Иванова is still writing (autosaved draft, never shown to the patient). */
export const DRAFT_CONTENT: VisitContentInput = {
  complaints: 'Кашель с небольшим количеством мокроты, температура 37,4 °C.',
  anamnesis: 'Две недели назад перенесла ОРВИ, кашель сохраняется.',
  examination: 'Дыхание жёсткое, единичные сухие хрипы с обеих сторон.',
  diagnoses: [{ code: 'J20.9', kind: 'PRIMARY', certainty: 'PROVISIONAL' }],
};
