import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express from 'express';

const require = createRequire(import.meta.url);

const EXAMPLES = [
  {
    name: 'Вход',
    query: `mutation SignIn($login: String!, $password: String!) {\n  signIn(input: { login: $login, password: $password }) {\n    ok\n    inputErrors { field code message }\n    accessToken\n    refreshToken\n    account { id role displayName }\n  }\n}`,
    variables: '{ "login": "reception@medikamente.local", "password": "<пароль из .data/demo-logins.json>" }',
  },
  {
    name: 'Поиск пациента',
    query: `query Search($text: String) {\n  searchPatients(query: { text: $text }, first: 10) {\n    nodes { id fullName phone birthDate passport }\n    pageInfo { endCursor hasNextPage }\n  }\n}`,
    variables: '{ "text": "Ива" }',
  },
  {
    name: 'Моя карта',
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
  const examples = ${JSON.stringify(EXAMPLES)};
  const fetcher = GraphiQL.createFetcher({ url: ${JSON.stringify(endpoint)} });
  ReactDOM.createRoot(document.getElementById('root')).render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultEditorToolsVisibility: true,
      defaultHeaders: '{ "Authorization": "Bearer <accessToken из signIn>" }',
      defaultTabs: examples.map((e) => ({ query: '# ' + e.name + '\\n' + e.query, variables: e.variables })),
    }),
  );
</script></body></html>`);
  });
  return router;
}
