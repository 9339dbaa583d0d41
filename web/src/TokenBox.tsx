import { useState } from 'react';

/**
 * Optional sign-in: a bearer token (`npm run token -- --role analyst` in development, or one from
 * the identity provider) kept for this tab only. Without one the page is complete; with one a
 * commune's criteria also show who assessed them and the assessor's note, where the token may read them.
 */
export function TokenBox(props: { token?: string; onChange(token: string | undefined): void }) {
  const [draft, setDraft] = useState('');
  if (props.token) {
    return (
      <div className="token" data-testid="token-box">
        <span>Signed in with a token</span>
        <button type="button" onClick={() => props.onChange(undefined)}>
          Forget token
        </button>
      </div>
    );
  }
  return (
    <details className="token" data-testid="token-box">
      <summary>Sign in with a token (optional)</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.trim()) props.onChange(draft.trim());
          setDraft('');
        }}
      >
        <input
          type="password"
          aria-label="Bearer token"
          placeholder="Bearer token"
          autoComplete="off"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">Use token</button>
      </form>
    </details>
  );
}
