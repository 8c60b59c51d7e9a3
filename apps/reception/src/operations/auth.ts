import { graphql } from '@/gql';

// Server-only operations (they return tokens): the BFF never accepts them from the browser.

export const SignInDocument = graphql(`
  mutation ReceptionSignIn($input: SignInInput!) {
    signIn(input: $input) {
      ok
      accessToken
      refreshToken
      expiresIn
      inputErrors { field code message }
      account { id role displayName patientId branchIds }
    }
  }
`);

export const RefreshDocument = graphql(`
  mutation ReceptionRefresh($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ok
      accessToken
      refreshToken
      expiresIn
      inputErrors { field code message }
      account { id role displayName patientId branchIds }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation ReceptionSignOut {
    signOut { ok }
  }
`);
