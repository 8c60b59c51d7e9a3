export { isId, requireId } from '@medikamente/runtime';
