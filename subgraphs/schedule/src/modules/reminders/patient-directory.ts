export type PatientContact = { fullName: string | null; phone: string | null; email: string | null };

/** Where reminders get a patient's name and contacts from. */
export interface PatientDirectory {
  contacts(patientIds: readonly string[]): Promise<Map<string, PatientContact>>;
}

/**
 * Reads contacts from the patient subgraph through `_entities`, as a machine client of role
 * `service`: the policy gives that role only the fields tagged `notification` (name, phone,
 * e-mail), and the patient subgraph audits every such read.
 */
export class GraphPatientDirectory implements PatientDirectory {
  constructor(
    private readonly url: string,
    private readonly credentials: { token(): Promise<string> },
  ) {}

  async contacts(patientIds: readonly string[]): Promise<Map<string, PatientContact>> {
    const out = new Map<string, PatientContact>();
    if (patientIds.length === 0) return out;
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await this.credentials.token()}`,
      },
      body: JSON.stringify({
        operationName: 'ReminderContacts',
        query:
          'query ReminderContacts($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id fullName phone email } } }',
        variables: { r: patientIds.map((id) => ({ __typename: 'Patient', id })) },
      }),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`patient subgraph answered ${res.status}`);
    const body = (await res.json()) as {
      data?: { _entities?: Array<(PatientContact & { id: string }) | null> };
    };
    for (const p of body.data?._entities ?? [])
      if (p) out.set(p.id, { fullName: p.fullName, phone: p.phone, email: p.email });
    return out;
  }
}
