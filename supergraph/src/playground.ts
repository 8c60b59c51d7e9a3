import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';

const require = createRequire(import.meta.url);

/**
 * How to authorise the examples, shown at the top of every tab. Headers travel as HTTP headers,
 * which browsers accept only in ISO-8859-1: the default headers are therefore empty (`{}`), and
 * nothing in them may be Cyrillic.
 */
const TOKEN_HOWTO = [
  '# Токен: выполните вкладку «Вход», скопируйте accessToken из ответа и вставьте',
  '# во вкладку Headers внизу (только латиница, без угловых скобок):',
  '#   { "Authorization": "Bearer eyJhbGciOiJFZERTQSIs..." }',
].join('\n');

/**
 * The example tabs. `variables` may name `$today` / `$weekLater`: replaced in the browser with
 * the local dates, so the examples run on any day as they are.
 */
export const EXAMPLES = [
  {
    name: 'Вход (пациент)',
    note: '# Запрос без токена. Логины и пароли демо-учётных записей: .data/demo-logins.json',
    query: `mutation SignIn($login: String!, $password: String!) {\n  signIn(input: { login: $login, password: $password }) {\n    ok\n    inputErrors { field code message }\n    accessToken\n    refreshToken\n    account { id role displayName }\n  }\n}`,
    variables:
      '{ "login": "patient.sokolova@medikamente.local", "password": "<пароль из .data/demo-logins.json>" }',
  },
  {
    name: 'Свободное время',
    note: '# Без токена: расписание публичное',
    query: `query FreeSlots($from: String!, $to: String!) {\n  freeSlots(input: { specialty: "Терапия", from: $from, to: $to, limit: 10 }) {\n    startsAt\n    specialist { displayName }\n    branch { name timeZone }\n  }\n}`,
    variables: '{ "from": "$today", "to": "$weekLater" }',
  },
  {
    name: 'Мои записи',
    note: TOKEN_HOWTO,
    query: `query Mine {\n  myAppointments(period: UPCOMING) {\n    id\n    status\n    startsAt\n    specialist { displayName }\n    service { name }\n    branch { name }\n  }\n}`,
    variables: '{}',
  },
  {
    name: 'Моя карта',
    note: TOKEN_HOWTO,
    query: `query Me {\n  myPatient { id fullName phone email birthDate consents { purpose textVersion givenAt } }\n  myAccessLog(first: 10) { occurredAt actorRole categories operation }\n}`,
    variables: '{}',
  },
];

/**
 * An offline GraphiQL (assets served from installed packages, nothing from a CDN) with
 * example operations. Mounted only outside production.
 */
export function playgroundRouter(endpoint: string): express.Router {
  const router = express.Router();
  const assets: Record<string, string> = {
    'react.js': join(dirname(require.resolve('react/package.json')), 'umd/react.production.min.js'),
    'react-dom.js': join(
      dirname(require.resolve('react-dom/package.json')),
      'umd/react-dom.production.min.js',
    ),
    'graphiql.js': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.js'),
    'graphiql.css': join(dirname(require.resolve('graphiql/package.json')), 'graphiql.min.css'),
  };
  router.get('/assets/:file', (req, res) => {
    const file = assets[req.params.file];
    if (!file) return void res.sendStatus(404);
    // pnpm keeps packages under node_modules/.pnpm: a dot directory, which send() hides by default.
    res.sendFile(file, { maxAge: '1h', dotfiles: 'allow' });
  });
  router.get('/', (_req, res) => {
    res.type('html').send(`<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Medikamente GraphiQL</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
<style>html,body,#root{height:100%;margin:0}</style></head>
<body><div id="root">Загрузка…</div>
<script src="/graphiql/assets/react.js"></script>
<script src="/graphiql/assets/react-dom.js"></script>
<script src="/graphiql/assets/graphiql.js"></script>
<script>
  const examples = ${JSON.stringify(EXAMPLES).replace(/</g, '\\u003c')};
  const day = (offset) => {
    const d = new Date(Date.now() + offset * 86400000);
    return [d.getFullYear(), String(d.getMonth() + 1).padStart(2, '0'), String(d.getDate()).padStart(2, '0')].join('-');
  };
  const base = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  // fetch() throws on a header outside ISO-8859-1 (e.g. a Cyrillic placeholder left in the
  // Headers tab): answer with a readable error instead of a failed request.
  const latin1 = /^[\\u0000-\\u00ff]*$/;
  const fetcher = (params, opts) => {
    const headers = (opts && opts.headers) || {};
    const bad = Object.keys(headers).find((k) => !latin1.test(String(headers[k])) || !latin1.test(k));
    if (bad)
      return Promise.resolve({
        errors: [{ message: 'Заголовок «' + bad + '» содержит символы не из латиницы: вставьте accessToken из ответа signIn как есть, например { "Authorization": "Bearer eyJ..." }' }],
      });
    return base(params, opts);
  };
  const tabs = examples.map((e) => ({
    query: '# ' + e.name + '\\n' + e.note + '\\n' + e.query,
    variables: e.variables.replace('$today', day(0)).replace('$weekLater', day(6)),
    headers: '{}',
  }));
  ReactDOM.createRoot(document.getElementById('root')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      defaultHeaders: '{}',
      defaultTabs: tabs,
      // The editors open on the first tab: without these GraphiQL shows its query but empty
      // variables, and the example would run without them.
      query: tabs[0].query,
      variables: tabs[0].variables,
      headers: tabs[0].headers,
    }),
  );
</script></body></html>`);
  });
  return router;
}
