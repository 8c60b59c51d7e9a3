/**
 * The 1C:Accounting port: the subset of the platform's standard OData v3 interface
 * (`<infobase>/odata/standard.odata/`) that the export needs. Whatever speaks it — the HTTP
 * client against a published infobase, or the emulator in tests — looks like this.
 *
 * Protocol facts this port relies on (checked against the 1C developer guide, ch. 17.4, and
 * public integrations against 1C:Бухгалтерия 3.0 / 1C:Fresh):
 * - entity sets are named `Catalog_<Имя>` and `Document_<Имя>`; one object is addressed as
 *   `Document_<Имя>(guid'<Ref_Key>')`;
 * - every reference object carries `Ref_Key` (Edm.Guid), `DataVersion` (an opaque base64 string
 *   that changes on every write) and `DeletionMark`; documents also `Number`, `Date`, `Posted`;
 * - a reference attribute `X` appears as `X_Key`; a composite-typed one as `X` (the value) plus
 *   `X_Type` (e.g. `StandardODATA.Catalog_Контрагенты`);
 * - tabular sections travel inside the object as arrays of rows, each with `LineNumber`;
 *   rows cannot be created on their own (1C answers odata.error code 13);
 * - posting is the bound action `POST Document_<Имя>(guid'…')/Post?PostingModeOperational=false`;
 * - errors are `{"odata.error":{"code":"…","message":{"lang":"ru","value":"…"}}}`.
 */

/** A 1C object as the OData interface returns it (JSON, `$format=json`). */
export type OneCEntity = {
  Ref_Key: string;
  DataVersion?: string;
  DeletionMark?: boolean;
  Posted?: boolean;
  [field: string]: unknown;
};

/** A `$filter` value: strings are quoted, `{ guid }` becomes `guid'…'`. */
export type OneCFilterValue = string | number | boolean | { guid: string };

/** Equality conditions joined with `and` (the only filter shape the export needs). */
export type OneCFilter = Record<string, OneCFilterValue>;

export interface OneCClient {
  /** Objects of `entitySet` whose fields equal `filter` (all conditions). Throws OneCError. */
  find(entitySet: string, filter: OneCFilter): Promise<OneCEntity[]>;
  /** One object by its Ref_Key, or null when 1C answers 404. Throws OneCError. */
  get(entitySet: string, refKey: string): Promise<OneCEntity | null>;
  /** Creates an object (tabular rows inside, with LineNumber); returns it as 1C stored it. */
  create(entitySet: string, body: Record<string, unknown>): Promise<OneCEntity>;
  /** Posts a document (the `Post` action, regular, not operational, posting mode). */
  post(entitySet: string, refKey: string): Promise<void>;
}

/** 1C answered with an error, or could not be reached. `retryable` says whether trying later may help. */
export class OneCError extends Error {
  constructor(
    message: string,
    readonly details: {
      /** HTTP status, or null when no answer came (network error, timeout). */
      status: number | null;
      /** `odata.error.code` when 1C sent one. */
      code?: string | undefined;
      retryable: boolean;
    },
  ) {
    super(message);
    this.name = 'OneCError';
  }
}

/** The empty reference 1C writes into unfilled `_Key` fields. */
export const EMPTY_REF = '00000000-0000-0000-0000-000000000000';
