'use client';

import { useEffect } from 'react';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const MARK = 'ruValidity';

/** The Russian message for a form control that failed the browser's constraint validation. */
export function validationMessage(el: Field): string {
  const v = el.validity;
  const input = el instanceof HTMLInputElement ? el : null;
  if (v.valueMissing) {
    if (input?.type === 'checkbox') return 'Отметьте этот пункт, чтобы продолжить.';
    if (input?.type === 'radio') return 'Выберите один из вариантов.';
    if (el instanceof HTMLSelectElement) return 'Выберите значение из списка.';
    return 'Заполните это поле.';
  }
  if (v.typeMismatch) {
    if (input?.type === 'email') return 'Введите адрес электронной почты, например ivanova@mail.ru.';
    if (input?.type === 'url') return 'Введите адрес сайта, например https://medikamente.ru.';
    return 'Неверный формат значения.';
  }
  if (v.tooShort && input) return `Не короче ${input.minLength} символов (сейчас ${input.value.length}).`;
  if (v.tooLong && 'maxLength' in el) return `Не длиннее ${el.maxLength} символов.`;
  if (v.patternMismatch) return el.title || 'Значение не в том формате.';
  if (v.rangeUnderflow && input) return `Значение не меньше ${input.min}.`;
  if (v.rangeOverflow && input) return `Значение не больше ${input.max}.`;
  if (v.stepMismatch) return 'Недопустимое значение.';
  if (v.badInput) return input?.type === 'number' ? 'Введите число.' : 'Неверное значение.';
  return 'Проверьте значение этого поля.';
}

const isField = (t: EventTarget | null): t is Field =>
  t instanceof HTMLInputElement || t instanceof HTMLSelectElement || t instanceof HTMLTextAreaElement;

/**
 * Gives every form control of the page Russian validation messages, whatever the browser's
 * language (the browser's own messages follow its locale: "Please fill out this field."). A
 * control's own custom message (setCustomValidity by the app) is kept. Mount once per app.
 */
export function RussianValidation() {
  useEffect(() => {
    const onInvalid = (e: Event) => {
      const el = e.target;
      if (!isField(el)) return;
      if (el.validity.customError && !el.dataset[MARK]) return;
      // Clear ours first so the validity flags describe the value, not the previous message.
      el.setCustomValidity('');
      if (el.validity.valid) return;
      el.setCustomValidity(validationMessage(el));
      el.dataset[MARK] = '1';
    };
    const onEdit = (e: Event) => {
      const el = e.target;
      if (!isField(el) || !el.dataset[MARK]) return;
      el.setCustomValidity('');
      delete el.dataset[MARK];
    };
    document.addEventListener('invalid', onInvalid, true);
    document.addEventListener('input', onEdit, true);
    document.addEventListener('change', onEdit, true);
    return () => {
      document.removeEventListener('invalid', onInvalid, true);
      document.removeEventListener('input', onEdit, true);
      document.removeEventListener('change', onEdit, true);
    };
  }, []);
  return null;
}
