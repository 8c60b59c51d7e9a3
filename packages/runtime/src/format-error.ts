import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode } from './errors';
import { LIMIT_MESSAGE_PREFIX } from './limits';
import type { Logger } from './logger';

/** Codes that pass through besides the core ones and the declared domain ones. */
const PASS_THROUGH = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'DOWNSTREAM_SERVICE_ERROR',
];

/**
 * Error masking: core codes, the domain codes declared in the merged policy (`errorCodes` of
 * each subgraph's policy.yaml, passed as `declaredCodes`) and GraphQL validation errors pass
 * through; anything else becomes INTERNAL with a generic message (the original is logged
 * without personal data).
 */
export function createFormatError(logger: Logger, declaredCodes: Iterable<string>) {
  const KNOWN = new Set<string>([...Object.values(ErrorCode), ...PASS_THROUGH, ...declaredCodes]);
  // Apollo's code for every unexpected error: never let its message through, whatever is declared.
  KNOWN.delete('INTERNAL_SERVER_ERROR');
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    if (formatted.message.startsWith(LIMIT_MESSAGE_PREFIX)) {
      return { message: formatted.message, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    if (
      code === 'BAD_USER_INPUT' ||
      code === 'GRAPHQL_VALIDATION_FAILED' ||
      code === 'GRAPHQL_PARSE_FAILED'
    ) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        extensions: { code },
      } as GraphQLFormattedError;
    }
    if (code && KNOWN.has(code))
      return { ...formatted, extensions: { ...formatted.extensions, stacktrace: undefined } };
    // A client's mistake that Apollo reports without a code (e.g. an unsupported persisted-query
    // version): a 4xx, coded BAD_REQUEST, and not an error of ours to log as one.
    const status = (error as { extensions?: { http?: { status?: number } } })?.extensions?.http?.status;
    if (status && status >= 400 && status < 500) {
      logger.info({ status }, 'bad request');
      return { message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
    }
    const err = (error as { originalError?: Error })?.originalError ?? error;
    logger.error(
      {
        err: { name: (err as Error)?.name, message: (err as Error)?.message, stack: (err as Error)?.stack },
        path: formatted.path,
      },
      'unexpected error',
    );
    return {
      message: 'Внутренняя ошибка',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL },
    } as GraphQLFormattedError;
  };
}

/**
 * A request whose operation cannot be chosen (an unknown `operationName`, several operations and
 * no name) is the client's mistake: answered 400 BAD_REQUEST before execution. Without this the
 * federation gateway's executor throws and the caller gets a 500 INTERNAL.
 */
export const operationResolution: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        throw new GraphQLError(
          request.operationName
            ? 'В документе нет операции с таким operationName'
            : 'В документе несколько операций: укажите operationName',
          { extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } } },
        );
      },
    };
  },
};
