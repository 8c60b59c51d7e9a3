'use client';

import { Empty, ErrorBox, Loading } from '@medikamente/web-kit/ui';
import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { useQuery } from 'urql';
import { CatalogQuery, SpecialistsQuery } from '@/operations/booking';

/** Find a doctor by specialty, branch and the beginning of the name. */
export function DoctorSearch() {
  const [specialty, setSpecialty] = useState('');
  const [branchId, setBranchId] = useState('');
  const [name, setName] = useState('');
  const deferredName = useDeferredValue(name.trim());
  const [catalog] = useQuery({ query: CatalogQuery });
  const [found] = useQuery({
    query: SpecialistsQuery,
    variables: {
      filter: { specialty: specialty || null, branchId: branchId || null, name: deferredName || null },
    },
  });

  return (
    <>
      <search aria-label="Поиск врача">
        <form className="card row" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="specialty">Специальность</label>
            <select id="specialty" value={specialty} onChange={(e) => setSpecialty(e.target.value)}>
              <option value="">Любая</option>
              {catalog.data?.specialties.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="branch">Филиал</label>
            <select id="branch" value={branchId} onChange={(e) => setBranchId(e.target.value)}>
              <option value="">Любой</option>
              {catalog.data?.branches.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="doctor-name">Фамилия врача</label>
            <input
              id="doctor-name"
              type="search"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Например, Иванова"
            />
          </div>
        </form>
      </search>
      <section aria-live="polite" aria-busy={found.fetching}>
        {found.error ? <ErrorBox>Не удалось загрузить список врачей. Обновите страницу.</ErrorBox> : null}
        {found.fetching && !found.data ? <Loading /> : null}
        {found.data && !found.data.specialists.length ? (
          <Empty>Врачи по этим условиям не найдены</Empty>
        ) : null}
        <ul className="list">
          {found.data?.specialists.map((s) => (
            <li key={s.id} className="card">
              <h2 style={{ margin: 0 }}>
                <Link href={`/doctors/${s.id}${branchId ? `?branch=${branchId}` : ''}`}>{s.displayName}</Link>
              </h2>
              <p className="muted" style={{ margin: '4px 0' }}>
                {s.specialties.join(', ')} · {s.branches.map((b) => b.name).join(', ')}
              </p>
              <Link
                className="button"
                href={`/doctors/${s.id}${branchId ? `?branch=${branchId}` : ''}`}
                aria-label={`Записаться: ${s.displayName}`}
              >
                Записаться
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
