import { pino } from 'pino';
import { defaultLogLevel } from './env';

/**
 * Structured logger. Logs carry ids, codes and timings only: request bodies, variables,
 * headers and GraphQL results are never logged, and common personal-data keys are redacted
 * as a second line of defence.
 */
export function createLogger(service: string, level = defaultLogLevel()) {
  return pino({
    name: service,
    level,
    redact: {
      paths: [
        'authorization',
        '*.authorization',
        'password',
        '*.password',
        'token',
        '*.token',
        'refreshToken',
        '*.refreshToken',
        'phone',
        '*.phone',
        'email',
        '*.email',
        'variables',
        '*.variables',
        '*.lastName',
        '*.firstName',
      ],
      censor: '[redacted]',
    },
  });
}
export type Logger = ReturnType<typeof createLogger>;
