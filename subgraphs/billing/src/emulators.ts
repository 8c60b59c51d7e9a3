/**
 * The third parties billing talks to, emulated over their real protocols for tests, benchmarks and
 * `npm start`: the ATOL Web Server (cash register), YooKassa (online payments), 1C OData.
 */

export { startOneCEmulator } from './modules/accounting/onec-emulator';
export { type AtolEmulator, startAtolEmulator } from './modules/fiscal/atol-emulator';
export { startYooKassaEmulator, type YooKassaEmulator } from './modules/online/yookassa-emulator';
