export { idError, isId, optionalId, requireDate, requireDateRange, requireId } from '@medikamente/runtime';
