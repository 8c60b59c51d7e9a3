export { type DownloadRouteOptions, downloadRoute } from './download';
export { sessionSecret, webEnv } from './env';
export { callGateway, type GatewayResult, type GraphqlBody, tokenRefused } from './gateway';
export { liveRoute } from './live';
export { OperationManifest, type PersistedDocument, type PersistedOperation } from './manifest';
export { graphqlRoute, json, sameOriginJson, signInRoute, signOutRoute } from './routes';
export {
  type AuthPayload,
  type SessionAccount,
  type SessionData,
  type WebServerConfig,
  WebSessions,
} from './session';
