import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  buildEnterpriseDataMessage,
  ED_COUNTERPARTY,
  ED_DOCUMENTS,
  enterpriseDataNs,
  MESSAGE_NS,
  stableRef,
} from '../src/modules/accounting/enterprise-data';
import type { ExportItem } from '../src/modules/accounting/onec-documents';

const org = { ref: randomUUID(), name: 'ООО «Медикаменте» & Ко', inn: '7701234567', kpp: '770101001' };
const at = new Date('2025-04-30T21:15:00Z'); // 1 May 00:15 in Moscow
const parse = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => name.startsWith('Документ.') || name.startsWith('Справочник.') || name === 'Строка',
  }).parse(xml);

describe('EnterpriseData file export', () => {
  const a = randomUUID();
  const b = randomUUID();
  const cash: ExportItem = {
    kind: 'payment',
    id: randomUUID(),
    method: 'cash',
    amountKopecks: 150_005,
    at,
    payer: { patientId: a },
    receiptFiscalNumber: 12,
  };
  const items: ExportItem[] = [
    cash,
    { kind: 'payment', id: randomUUID(), method: 'card', amountKopecks: 99_900, at, payer: { patientId: b } },
    {
      kind: 'refund',
      id: randomUUID(),
      paymentId: cash.id,
      method: 'cash',
      amountKopecks: 5,
      at,
      payer: { patientId: a },
      receiptFiscalNumber: 13,
    },
    {
      kind: 'refund',
      id: randomUUID(),
      paymentId: cash.id,
      method: 'online',
      amountKopecks: 100,
      at,
      payer: { patientId: b },
    },
  ];
  const xml = buildEnterpriseDataMessage(items, { organization: org, createdAt: at, formatVersion: '1.8' });
  const message = parse(xml).Message;

  it('has the exchange envelope: msg:Header with format, date, version; Body in the format namespace', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(message['@_xmlns:msg']).toBe(MESSAGE_NS);
    expect(message['msg:Header']).toEqual({
      'msg:Format': enterpriseDataNs('1.8'),
      'msg:CreationDate': '2025-05-01T00:15:00',
      'msg:AvailableVersion': '1.8',
    });
    expect(message.Body['@_xmlns']).toBe('http://v8.1c.ru/edi/edi_stnd/EnterpriseData/1.8');
  });

  it('carries one pseudonymous counterparty per payer and each record as its document', () => {
    const counterparties = message.Body[ED_COUNTERPARTY].map((c: any) => c.КлючевыеСвойства);
    expect(counterparties).toHaveLength(2);
    expect(counterparties[0]).toEqual({
      Ссылка: stableRef(`MK:counterparty:${a}`),
      Наименование: `Пациент ${a.replaceAll('-', '').slice(0, 8)}`,
      НаименованиеПолное: `Пациент ${a.replaceAll('-', '').slice(0, 8)}`,
      ЮридическоеФизическоеЛицо: 'ФизическоеЛицо',
    });
    const [pko] = message.Body[ED_DOCUMENTS.cashIn];
    expect(pko.КлючевыеСвойства).toMatchObject({
      Ссылка: stableRef(`MK:payment:${cash.id}`),
      Дата: '2025-05-01T00:15:00',
      Номер: `МК-${cash.id.replaceAll('-', '').slice(0, 8).toUpperCase()}`,
      Организация: { Ссылка: org.ref, Наименование: org.name, ИНН: org.inn, КПП: org.kpp },
    });
    expect(pko.СуммаДокумента).toBe('1500.05');
    expect(pko.Контрагент.Ссылка).toBe(counterparties[0].Ссылка);
    expect(pko.Комментарий).toBe(`MK:payment:${cash.id}; кассовый чек ФД № 12`);
    expect(pko.РасшифровкаПлатежа.Строка).toEqual([{ Сумма: '1500.05', СтавкаНДС: 'БезНДС' }]);
    expect(message.Body[ED_DOCUMENTS.cashOut][0].СуммаДокумента).toBe('0.05');
    const cards = message.Body[ED_DOCUMENTS.card];
    expect(cards.map((d: any) => d.ВидОперации)).toEqual(['ОплатаПокупателя', 'ВозвратПокупателю']);
    expect(cards.map((d: any) => d.ВалютаДокумента.ДанныеКлассификатора.Код)).toEqual(['643', '643']);
  });

  it('is stable (same references for the same records) and leaks nothing personal', () => {
    const again = buildEnterpriseDataMessage(items, {
      organization: org,
      createdAt: at,
      formatVersion: '1.8',
    });
    expect(again).toBe(xml);
    expect(stableRef('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(stableRef('x')).not.toBe(stableRef('y'));
    // Escaping survives the round trip; nothing but what the items hold reaches the file.
    expect(message.Body[ED_DOCUMENTS.cashIn][0].КлючевыеСвойства.Организация.Наименование).toBe(org.name);
    const rich = items.map((i) => ({
      ...i,
      payer: { patientId: i.payer.patientId, fullName: 'Петров Пётр', phone: '+79990001122' },
    }));
    const file = buildEnterpriseDataMessage(rich, { organization: org, createdAt: at });
    expect(file).not.toMatch(/Петров|79990001122/);
  });
});
