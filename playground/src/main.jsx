// The KH02 playground: GraphiQL 5, bundled with its Monaco editor and workers by Vite, served by
// the gateway from its own origin. Two plugins beside GraphiQL's documentation and history: the
// saved operations (operations/, with the export of the operation shown) and the gateway's query
// plan of the current operation.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import React, { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';

const ENDPOINT = '/graphql';
const SAVED = 'Saved operations';
const PLAN = 'Query plan';

/** The headers typed into GraphiQL's headers editor (e.g. Authorization), as an object. */
function headersOf(editor) {
  const text = editor?.getValue()?.trim();
  if (!text) return {};
  try {
    const parsed = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

function variablesOf(editor) {
  const text = editor?.getValue()?.trim();
  return text ? text : '';
}

function ListIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M8 6h13M8 12h13M8 18h13M3 6h.01M3 12h.01M3 18h.01" />
    </svg>
  );
}

function PlanIcon() {
  return (
    <svg viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true">
      <path d="M4 4h6v4H4zM14 10h6v4h-6zM14 18h6v4h-6zM7 8v12h7M7 12h7" />
    </svg>
  );
}

/** Downloads /export/<name>.<format> with the editors' variables and headers; errors are shown, never saved as a file. */
async function download(name, format, variables, headers, setStatus) {
  setStatus(`Exporting ${name}.${format}…`);
  const query = variables ? `?variables=${encodeURIComponent(variables)}` : '';
  const response = await fetch(`/export/${encodeURIComponent(name)}.${format}${query}`, { headers });
  if (!response.ok) {
    const body = await response.text();
    setStatus(`Export failed (HTTP ${response.status}): ${body}`);
    return;
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  setStatus(`Exported ${name}.${format}.`);
}

function SavedOperations({ operations }) {
  const { addTab } = useGraphiQLActions();
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const [status, setStatus] = useState('');
  const shown = operations.find((o) => o.name === operationName);

  const open = (operation) => {
    const headers = headerEditor?.getValue() ?? '';
    addTab();
    queryEditor?.setValue(operation.body);
    variableEditor?.setValue('');
    if (headers) headerEditor?.setValue(headers);
  };

  return (
    <div className="kh02-saved">
      <div className="graphiql-doc-explorer-title">Saved operations</div>
      <p className="kh02-note">
        The questions the platform answers, from operations/ (the published persisted-operation manifest). Click one to open it in a new tab.
      </p>
      <ul className="kh02-operations">
        {operations.map((o) => (
          <li key={o.name}>
            <button type="button" className="kh02-operation" data-operation={o.name} title={o.description} onClick={() => open(o)}>
              {o.name}
            </button>
            <div className="kh02-description">{o.description}</div>
          </li>
        ))}
      </ul>
      <div className="kh02-export">
        <div className="graphiql-doc-explorer-section-title">Export</div>
        {shown ? (
          <>
            <p className="kh02-note">{shown.name} as a table (its list, one column per field), with the variables and headers of this tab:</p>
            <button
              type="button"
              className="kh02-button"
              onClick={() => download(shown.name, 'csv', variablesOf(variableEditor), headersOf(headerEditor), setStatus)}
            >
              CSV
            </button>{' '}
            <button
              type="button"
              className="kh02-button"
              onClick={() => download(shown.name, 'xlsx', variablesOf(variableEditor), headersOf(headerEditor), setStatus)}
            >
              Excel (XLSX)
            </button>
          </>
        ) : (
          <p className="kh02-note">Open a saved operation to export it as CSV or Excel.</p>
        )}
        {status && <pre className="kh02-status">{status}</pre>}
      </div>
    </div>
  );
}

function QueryPlan({ who }) {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const operationName = useGraphiQL((s) => s.operationName);
  const [plan, setPlan] = useState('');

  const show = async () => {
    setPlan('Planning…');
    let variables;
    try {
      variables = JSON.parse(variableEditor?.getValue() || '{}');
    } catch {
      setPlan('The variables are not valid JSON.');
      return;
    }
    const response = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { ...headersOf(headerEditor), 'content-type': 'application/json', 'apollo-query-plan-experimental': '1' },
      body: JSON.stringify({ query: queryEditor?.getValue() ?? '', variables, operationName: operationName || undefined }),
    });
    const body = await response.json().catch(() => ({}));
    const found = body.extensions?.__queryPlanExperimental;
    if (typeof found === 'string') setPlan(found);
    else if (body.errors?.length && !body.data) setPlan(`No plan: ${body.errors.map((e) => e.message).join('\n')}`);
    else
      setPlan(
        who === 'admins'
          ? 'The gateway shows its query plan to admins only on this deployment: put an admin token in the headers.'
          : 'No plan (the operation calls no data service).',
      );
  };

  return (
    <div className="kh02-plan">
      <div className="graphiql-doc-explorer-title">Query plan</div>
      <p className="kh02-note">
        How the gateway splits the current operation between the data services (geography, tasks, readiness). It runs the operation.{' '}
        {who === 'admins' ? 'Admins only on this deployment.' : ''}
      </p>
      <button type="button" className="kh02-button" onClick={show}>
        Show the plan
      </button>
      {plan && <pre className="kh02-plan-text">{plan}</pre>}
    </div>
  );
}

function App() {
  const [config, setConfig] = useState(undefined);
  const [error, setError] = useState('');
  useEffect(() => {
    fetch('/playground/config.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then(setConfig, (e) => setError(String(e)));
  }, []);
  if (error) return <p className="kh02-note">The playground could not read its configuration: {error}</p>;
  if (!config) return null;
  const saved = { title: SAVED, icon: ListIcon, content: () => <SavedOperations operations={config.operations} /> };
  const plan = { title: PLAN, icon: PlanIcon, content: () => <QueryPlan who={config.queryPlan} /> };
  const overview = config.operations.find((o) => o.name === 'ProvinceOverview') ?? config.operations[0];
  return (
    <GraphiQL
      fetcher={createGraphiQLFetcher({ url: ENDPOINT })}
      plugins={[saved, plan]}
      visiblePlugin={SAVED}
      defaultQuery={overview?.body ?? '{ country { provinceCount communeCount } }'}
      defaultEditorToolsVisibility="headers"
      defaultHeaders={'{\n  "Authorization": ""\n}'}
    >
      <GraphiQL.Logo>KH02</GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('root')).render(<App />);
