import { graphql } from '@/gql';

// Server-only operations (they return tokens): the BFF never accepts them from the browser.

export const SignInDocument = graphql(`
  mutation PortalSignIn($input: SignInInput!) {
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

export const SignUpDocument = graphql(`
  mutation PortalSignUp($input: SignUpPatientInput!) {
    signUpPatient(input: $input) {
      ok
      inputErrors { field code message }
      verificationId
      channel
      expiresAt
    }
  }
`);

export const ConfirmSignUpDocument = graphql(`
  mutation PortalConfirmSignUp($verificationId: ID!, $code: String!) {
    confirmSignUp(verificationId: $verificationId, code: $code) {
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
  mutation PortalRefresh($refreshToken: String!) {
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
  mutation PortalSignOut {
    signOut { ok }
  }
`);
