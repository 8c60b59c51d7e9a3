/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": typeof types.PortalSignInDocument,
    "\n  mutation PortalSignUp($input: SignUpPatientInput!) {\n    signUpPatient(input: $input) {\n      ok\n      inputErrors { field code message }\n      verificationId\n      channel\n      expiresAt\n    }\n  }\n": typeof types.PortalSignUpDocument,
    "\n  mutation PortalConfirmSignUp($verificationId: ID!, $code: String!) {\n    confirmSignUp(verificationId: $verificationId, code: $code) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": typeof types.PortalConfirmSignUpDocument,
    "\n  mutation PortalRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": typeof types.PortalRefreshDocument,
    "\n  mutation PortalSignOut {\n    signOut { ok }\n  }\n": typeof types.PortalSignOutDocument,
    "\n  fragment PortalInvoiceFields on Invoice {\n    id\n    number\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n    lines { lineNo name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n    payments {\n      id\n      method\n      amountKopecks\n      status\n      statusReason\n      createdAt\n      refundedKopecks\n      receipts {\n        id\n        operation\n        totalKopecks\n        cashKopecks\n        electronicKopecks\n        customerContact\n        fiscalDocumentNumber\n        fiscalSign\n        fnNumber\n        registrationNumber\n        shiftNumber\n        receiptNumber\n        fiscalAt\n        lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n      }\n    }\n  }\n": typeof types.PortalInvoiceFieldsFragmentDoc,
    "\n    query MyInvoices {\n      myInvoices { ...PortalInvoiceFields }\n    }\n  ": typeof types.MyInvoicesDocument,
    "\n    query MyInvoice($id: ID!) {\n      invoice(id: $id) { ...PortalInvoiceFields }\n    }\n  ": typeof types.MyInvoiceDocument,
    "\n    mutation PayInvoiceOnline($input: PayInvoiceOnlineInput!) {\n      payInvoiceOnline(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status confirmationUrl }\n      }\n    }\n  ": typeof types.PayInvoiceOnlineDocument,
    "\n    query MyContracts {\n      myContracts {\n        id\n        number\n        status\n        date\n        acceptedAt\n        acceptanceChannel\n        totalKopecks\n        provisionTerms\n        services { code name quantity unitPriceKopecks amountKopecks }\n      }\n    }\n  ": typeof types.MyContractsDocument,
    "\n    mutation AcceptContract($input: AcceptContractInput!) {\n      acceptContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { id status acceptedAt acceptanceChannel }\n      }\n    }\n  ": typeof types.AcceptContractDocument,
    "\n  query ContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n": typeof types.ContractPdfDocument,
    "\n    query Catalog {\n      branches { id name address timeZone }\n      specialties\n    }\n  ": typeof types.CatalogDocument,
    "\n    query FindSpecialists($filter: SpecialistFilter) {\n      specialists(filter: $filter) {\n        id\n        displayName\n        specialties\n        branches { id name timeZone }\n      }\n    }\n  ": typeof types.FindSpecialistsDocument,
    "\n    query Specialist($id: ID!) {\n      specialist(id: $id) {\n        id\n        displayName\n        specialties\n        branches { id name address timeZone settings { holdMinutes horizonDays } }\n        services { id name specialty durationMinutes }\n      }\n    }\n  ": typeof types.SpecialistDocument,
    "\n    query FreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  ": typeof types.FreeSlotsDocument,
    "\n    mutation HoldSlot($input: BookingInput!) {\n      holdSlot(input: $input) {\n        appointment {\n          id\n          status\n          startsAt\n          endsAt\n          holdExpiresAt\n          specialist { id displayName }\n          branch { id name address timeZone }\n          service { id name }\n        }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": typeof types.HoldSlotDocument,
    "\n    mutation ConfirmHold($appointmentId: ID!, $idempotencyKey: String!) {\n      confirmHold(appointmentId: $appointmentId, idempotencyKey: $idempotencyKey) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": typeof types.ConfirmHoldDocument,
    "\n    query MyAppointments($period: AppointmentPeriod!) {\n      myAppointments(period: $period) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        cancelledLate\n        specialist { id displayName }\n        branch { id name address timeZone settings { lateCancelHours } }\n        service { id name }\n      }\n    }\n  ": typeof types.MyAppointmentsDocument,
    "\n    query MyAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        specialist { id displayName }\n        branch { id name address timeZone }\n        service { id name }\n      }\n    }\n  ": typeof types.MyAppointmentDocument,
    "\n    mutation Reschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": typeof types.RescheduleDocument,
    "\n    mutation CancelAppointment($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status cancelledLate }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.CancelAppointmentDocument,
    "\n    mutation ConfirmAppointment($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.ConfirmAppointmentDocument,
    "\n    query MyLabOrders {\n      myLabOrders {\n        id\n        patientId\n        status\n        createdAt\n        releasedAt\n        reviewComment\n        tests { testId name }\n        results {\n          id\n          testId\n          testName\n          kind\n          numeric\n          unit\n          coded\n          text\n          referenceText\n          referenceRange { low high }\n          flag\n          flagText\n          resultedAt\n          released\n        }\n      }\n    }\n  ": typeof types.MyLabOrdersDocument,
    "\n    query LabResultHistory($patientId: ID!, $testId: ID!) {\n      labResultHistory(patientId: $patientId, testId: $testId) {\n        id\n        numeric\n        unit\n        flag\n        resultedAt\n        referenceText\n        referenceRange { low high }\n        released\n      }\n    }\n  ": typeof types.LabResultHistoryDocument,
    "\n    query MyPatient {\n      myPatient {\n        id\n        lastName\n        firstName\n        middleName\n        fullName\n        phone\n        email\n        birthDate\n        sex\n      }\n    }\n  ": typeof types.MyPatientDocument,
    "\n    mutation RegisterSelf($input: PatientInput!) {\n      registerSelf(input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n      }\n    }\n  ": typeof types.RegisterSelfDocument,
    "\n    mutation UpdateMyContacts($id: ID!, $input: PatientUpdateInput!) {\n      updatePatient(id: $id, input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id phone email }\n      }\n    }\n  ": typeof types.UpdateMyContactsDocument,
    "\n    query ConsentTexts {\n      consentTexts { purpose version title body publishedAt }\n    }\n  ": typeof types.ConsentTextsDocument,
    "\n    query MyConsents {\n      myPatient {\n        id\n        consents(includeHistory: true) { id purpose textVersion givenAt givenChannel withdrawnAt active }\n      }\n      consentTexts { purpose version title body publishedAt }\n    }\n  ": typeof types.MyConsentsDocument,
    "\n    mutation GiveConsent($patientId: ID!, $purpose: ConsentPurpose!, $textVersion: Int!) {\n      giveConsent(patientId: $patientId, purpose: $purpose, textVersion: $textVersion, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active textVersion }\n      }\n    }\n  ": typeof types.GiveConsentDocument,
    "\n    mutation WithdrawConsent($patientId: ID!, $purpose: ConsentPurpose!) {\n      withdrawConsent(patientId: $patientId, purpose: $purpose, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active withdrawnAt }\n      }\n    }\n  ": typeof types.WithdrawConsentDocument,
    "\n    query MyRecord {\n      myRecord {\n        id\n        startedAt\n        branchId\n        doctorAccountId\n        current {\n          id\n          number\n          status\n          reason\n          signedAt\n          diagnoses { code title kind certainty }\n          conclusion\n          recommendations\n          prescriptions { drug form dose route frequency duration instructions }\n          referrals { kind target note }\n        }\n        addenda { id text signedAt }\n      }\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  ": typeof types.MyRecordDocument,
    "\n  mutation RequestVisitPdf($input: RequestDownloadInput!) {\n    requestDownload(input: $input) {\n      ok\n      inputErrors { field code message }\n      link { url expiresAt }\n    }\n  }\n": typeof types.RequestVisitPdfDocument,
    "\n    mutation UseReminderLink($token: String!) {\n      useReminderLink(token: $token) {\n        ok\n        action\n        status\n        startsAt\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.UseReminderLinkDocument,
    "\n    query ReminderSettings {\n      myReminderSettings { preferredChannel pushDevices }\n      reminderChannels { enabled webPushPublicKey }\n    }\n  ": typeof types.ReminderSettingsDocument,
    "\n    mutation SetReminderChannel($channel: ReminderChannel!) {\n      setReminderChannel(channel: $channel) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.SetReminderChannelDocument,
    "\n    mutation RegisterPush($input: PushSubscriptionInput!) {\n      registerPushSubscription(input: $input) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.RegisterPushDocument,
    "\n    mutation RemovePush($endpoint: String!) {\n      removePushSubscription(endpoint: $endpoint) {\n        settings { pushDevices }\n      }\n    }\n  ": typeof types.RemovePushDocument,
    "\n    query MyAccessTrail($first: Int, $before: ID) {\n      myAccessTrail(first: $first, before: $before) {\n        cursor\n        at\n        role\n        department\n        purpose\n        categories\n      }\n    }\n  ": typeof types.MyAccessTrailDocument,
};
const documents: Documents = {
    "\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": types.PortalSignInDocument,
    "\n  mutation PortalSignUp($input: SignUpPatientInput!) {\n    signUpPatient(input: $input) {\n      ok\n      inputErrors { field code message }\n      verificationId\n      channel\n      expiresAt\n    }\n  }\n": types.PortalSignUpDocument,
    "\n  mutation PortalConfirmSignUp($verificationId: ID!, $code: String!) {\n    confirmSignUp(verificationId: $verificationId, code: $code) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": types.PortalConfirmSignUpDocument,
    "\n  mutation PortalRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": types.PortalRefreshDocument,
    "\n  mutation PortalSignOut {\n    signOut { ok }\n  }\n": types.PortalSignOutDocument,
    "\n  fragment PortalInvoiceFields on Invoice {\n    id\n    number\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n    lines { lineNo name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n    payments {\n      id\n      method\n      amountKopecks\n      status\n      statusReason\n      createdAt\n      refundedKopecks\n      receipts {\n        id\n        operation\n        totalKopecks\n        cashKopecks\n        electronicKopecks\n        customerContact\n        fiscalDocumentNumber\n        fiscalSign\n        fnNumber\n        registrationNumber\n        shiftNumber\n        receiptNumber\n        fiscalAt\n        lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n      }\n    }\n  }\n": types.PortalInvoiceFieldsFragmentDoc,
    "\n    query MyInvoices {\n      myInvoices { ...PortalInvoiceFields }\n    }\n  ": types.MyInvoicesDocument,
    "\n    query MyInvoice($id: ID!) {\n      invoice(id: $id) { ...PortalInvoiceFields }\n    }\n  ": types.MyInvoiceDocument,
    "\n    mutation PayInvoiceOnline($input: PayInvoiceOnlineInput!) {\n      payInvoiceOnline(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status confirmationUrl }\n      }\n    }\n  ": types.PayInvoiceOnlineDocument,
    "\n    query MyContracts {\n      myContracts {\n        id\n        number\n        status\n        date\n        acceptedAt\n        acceptanceChannel\n        totalKopecks\n        provisionTerms\n        services { code name quantity unitPriceKopecks amountKopecks }\n      }\n    }\n  ": types.MyContractsDocument,
    "\n    mutation AcceptContract($input: AcceptContractInput!) {\n      acceptContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { id status acceptedAt acceptanceChannel }\n      }\n    }\n  ": types.AcceptContractDocument,
    "\n  query ContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n": types.ContractPdfDocument,
    "\n    query Catalog {\n      branches { id name address timeZone }\n      specialties\n    }\n  ": types.CatalogDocument,
    "\n    query FindSpecialists($filter: SpecialistFilter) {\n      specialists(filter: $filter) {\n        id\n        displayName\n        specialties\n        branches { id name timeZone }\n      }\n    }\n  ": types.FindSpecialistsDocument,
    "\n    query Specialist($id: ID!) {\n      specialist(id: $id) {\n        id\n        displayName\n        specialties\n        branches { id name address timeZone settings { holdMinutes horizonDays } }\n        services { id name specialty durationMinutes }\n      }\n    }\n  ": types.SpecialistDocument,
    "\n    query FreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  ": types.FreeSlotsDocument,
    "\n    mutation HoldSlot($input: BookingInput!) {\n      holdSlot(input: $input) {\n        appointment {\n          id\n          status\n          startsAt\n          endsAt\n          holdExpiresAt\n          specialist { id displayName }\n          branch { id name address timeZone }\n          service { id name }\n        }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": types.HoldSlotDocument,
    "\n    mutation ConfirmHold($appointmentId: ID!, $idempotencyKey: String!) {\n      confirmHold(appointmentId: $appointmentId, idempotencyKey: $idempotencyKey) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": types.ConfirmHoldDocument,
    "\n    query MyAppointments($period: AppointmentPeriod!) {\n      myAppointments(period: $period) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        cancelledLate\n        specialist { id displayName }\n        branch { id name address timeZone settings { lateCancelHours } }\n        service { id name }\n      }\n    }\n  ": types.MyAppointmentsDocument,
    "\n    query MyAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        specialist { id displayName }\n        branch { id name address timeZone }\n        service { id name }\n      }\n    }\n  ": types.MyAppointmentDocument,
    "\n    mutation Reschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": types.RescheduleDocument,
    "\n    mutation CancelAppointment($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status cancelledLate }\n        inputErrors { field code message }\n      }\n    }\n  ": types.CancelAppointmentDocument,
    "\n    mutation ConfirmAppointment($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": types.ConfirmAppointmentDocument,
    "\n    query MyLabOrders {\n      myLabOrders {\n        id\n        patientId\n        status\n        createdAt\n        releasedAt\n        reviewComment\n        tests { testId name }\n        results {\n          id\n          testId\n          testName\n          kind\n          numeric\n          unit\n          coded\n          text\n          referenceText\n          referenceRange { low high }\n          flag\n          flagText\n          resultedAt\n          released\n        }\n      }\n    }\n  ": types.MyLabOrdersDocument,
    "\n    query LabResultHistory($patientId: ID!, $testId: ID!) {\n      labResultHistory(patientId: $patientId, testId: $testId) {\n        id\n        numeric\n        unit\n        flag\n        resultedAt\n        referenceText\n        referenceRange { low high }\n        released\n      }\n    }\n  ": types.LabResultHistoryDocument,
    "\n    query MyPatient {\n      myPatient {\n        id\n        lastName\n        firstName\n        middleName\n        fullName\n        phone\n        email\n        birthDate\n        sex\n      }\n    }\n  ": types.MyPatientDocument,
    "\n    mutation RegisterSelf($input: PatientInput!) {\n      registerSelf(input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n      }\n    }\n  ": types.RegisterSelfDocument,
    "\n    mutation UpdateMyContacts($id: ID!, $input: PatientUpdateInput!) {\n      updatePatient(id: $id, input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id phone email }\n      }\n    }\n  ": types.UpdateMyContactsDocument,
    "\n    query ConsentTexts {\n      consentTexts { purpose version title body publishedAt }\n    }\n  ": types.ConsentTextsDocument,
    "\n    query MyConsents {\n      myPatient {\n        id\n        consents(includeHistory: true) { id purpose textVersion givenAt givenChannel withdrawnAt active }\n      }\n      consentTexts { purpose version title body publishedAt }\n    }\n  ": types.MyConsentsDocument,
    "\n    mutation GiveConsent($patientId: ID!, $purpose: ConsentPurpose!, $textVersion: Int!) {\n      giveConsent(patientId: $patientId, purpose: $purpose, textVersion: $textVersion, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active textVersion }\n      }\n    }\n  ": types.GiveConsentDocument,
    "\n    mutation WithdrawConsent($patientId: ID!, $purpose: ConsentPurpose!) {\n      withdrawConsent(patientId: $patientId, purpose: $purpose, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active withdrawnAt }\n      }\n    }\n  ": types.WithdrawConsentDocument,
    "\n    query MyRecord {\n      myRecord {\n        id\n        startedAt\n        branchId\n        doctorAccountId\n        current {\n          id\n          number\n          status\n          reason\n          signedAt\n          diagnoses { code title kind certainty }\n          conclusion\n          recommendations\n          prescriptions { drug form dose route frequency duration instructions }\n          referrals { kind target note }\n        }\n        addenda { id text signedAt }\n      }\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  ": types.MyRecordDocument,
    "\n  mutation RequestVisitPdf($input: RequestDownloadInput!) {\n    requestDownload(input: $input) {\n      ok\n      inputErrors { field code message }\n      link { url expiresAt }\n    }\n  }\n": types.RequestVisitPdfDocument,
    "\n    mutation UseReminderLink($token: String!) {\n      useReminderLink(token: $token) {\n        ok\n        action\n        status\n        startsAt\n        inputErrors { field code message }\n      }\n    }\n  ": types.UseReminderLinkDocument,
    "\n    query ReminderSettings {\n      myReminderSettings { preferredChannel pushDevices }\n      reminderChannels { enabled webPushPublicKey }\n    }\n  ": types.ReminderSettingsDocument,
    "\n    mutation SetReminderChannel($channel: ReminderChannel!) {\n      setReminderChannel(channel: $channel) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  ": types.SetReminderChannelDocument,
    "\n    mutation RegisterPush($input: PushSubscriptionInput!) {\n      registerPushSubscription(input: $input) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  ": types.RegisterPushDocument,
    "\n    mutation RemovePush($endpoint: String!) {\n      removePushSubscription(endpoint: $endpoint) {\n        settings { pushDevices }\n      }\n    }\n  ": types.RemovePushDocument,
    "\n    query MyAccessTrail($first: Int, $before: ID) {\n      myAccessTrail(first: $first, before: $before) {\n        cursor\n        at\n        role\n        department\n        purpose\n        categories\n      }\n    }\n  ": types.MyAccessTrailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignUp($input: SignUpPatientInput!) {\n    signUpPatient(input: $input) {\n      ok\n      inputErrors { field code message }\n      verificationId\n      channel\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  mutation PortalSignUp($input: SignUpPatientInput!) {\n    signUpPatient(input: $input) {\n      ok\n      inputErrors { field code message }\n      verificationId\n      channel\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalConfirmSignUp($verificationId: ID!, $code: String!) {\n    confirmSignUp(verificationId: $verificationId, code: $code) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalConfirmSignUp($verificationId: ID!, $code: String!) {\n    confirmSignUp(verificationId: $verificationId, code: $code) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"): (typeof documents)["\n  mutation PortalRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PortalSignOut {\n    signOut { ok }\n  }\n"): (typeof documents)["\n  mutation PortalSignOut {\n    signOut { ok }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PortalInvoiceFields on Invoice {\n    id\n    number\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n    lines { lineNo name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n    payments {\n      id\n      method\n      amountKopecks\n      status\n      statusReason\n      createdAt\n      refundedKopecks\n      receipts {\n        id\n        operation\n        totalKopecks\n        cashKopecks\n        electronicKopecks\n        customerContact\n        fiscalDocumentNumber\n        fiscalSign\n        fnNumber\n        registrationNumber\n        shiftNumber\n        receiptNumber\n        fiscalAt\n        lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment PortalInvoiceFields on Invoice {\n    id\n    number\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n    lines { lineNo name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n    payments {\n      id\n      method\n      amountKopecks\n      status\n      statusReason\n      createdAt\n      refundedKopecks\n      receipts {\n        id\n        operation\n        totalKopecks\n        cashKopecks\n        electronicKopecks\n        customerContact\n        fiscalDocumentNumber\n        fiscalSign\n        fnNumber\n        registrationNumber\n        shiftNumber\n        receiptNumber\n        fiscalAt\n        lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyInvoices {\n      myInvoices { ...PortalInvoiceFields }\n    }\n  "): (typeof documents)["\n    query MyInvoices {\n      myInvoices { ...PortalInvoiceFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyInvoice($id: ID!) {\n      invoice(id: $id) { ...PortalInvoiceFields }\n    }\n  "): (typeof documents)["\n    query MyInvoice($id: ID!) {\n      invoice(id: $id) { ...PortalInvoiceFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation PayInvoiceOnline($input: PayInvoiceOnlineInput!) {\n      payInvoiceOnline(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status confirmationUrl }\n      }\n    }\n  "): (typeof documents)["\n    mutation PayInvoiceOnline($input: PayInvoiceOnlineInput!) {\n      payInvoiceOnline(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status confirmationUrl }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyContracts {\n      myContracts {\n        id\n        number\n        status\n        date\n        acceptedAt\n        acceptanceChannel\n        totalKopecks\n        provisionTerms\n        services { code name quantity unitPriceKopecks amountKopecks }\n      }\n    }\n  "): (typeof documents)["\n    query MyContracts {\n      myContracts {\n        id\n        number\n        status\n        date\n        acceptedAt\n        acceptanceChannel\n        totalKopecks\n        provisionTerms\n        services { code name quantity unitPriceKopecks amountKopecks }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AcceptContract($input: AcceptContractInput!) {\n      acceptContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { id status acceptedAt acceptanceChannel }\n      }\n    }\n  "): (typeof documents)["\n    mutation AcceptContract($input: AcceptContractInput!) {\n      acceptContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { id status acceptedAt acceptanceChannel }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n"): (typeof documents)["\n  query ContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Catalog {\n      branches { id name address timeZone }\n      specialties\n    }\n  "): (typeof documents)["\n    query Catalog {\n      branches { id name address timeZone }\n      specialties\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query FindSpecialists($filter: SpecialistFilter) {\n      specialists(filter: $filter) {\n        id\n        displayName\n        specialties\n        branches { id name timeZone }\n      }\n    }\n  "): (typeof documents)["\n    query FindSpecialists($filter: SpecialistFilter) {\n      specialists(filter: $filter) {\n        id\n        displayName\n        specialties\n        branches { id name timeZone }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Specialist($id: ID!) {\n      specialist(id: $id) {\n        id\n        displayName\n        specialties\n        branches { id name address timeZone settings { holdMinutes horizonDays } }\n        services { id name specialty durationMinutes }\n      }\n    }\n  "): (typeof documents)["\n    query Specialist($id: ID!) {\n      specialist(id: $id) {\n        id\n        displayName\n        specialties\n        branches { id name address timeZone settings { holdMinutes horizonDays } }\n        services { id name specialty durationMinutes }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query FreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  "): (typeof documents)["\n    query FreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation HoldSlot($input: BookingInput!) {\n      holdSlot(input: $input) {\n        appointment {\n          id\n          status\n          startsAt\n          endsAt\n          holdExpiresAt\n          specialist { id displayName }\n          branch { id name address timeZone }\n          service { id name }\n        }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "): (typeof documents)["\n    mutation HoldSlot($input: BookingInput!) {\n      holdSlot(input: $input) {\n        appointment {\n          id\n          status\n          startsAt\n          endsAt\n          holdExpiresAt\n          specialist { id displayName }\n          branch { id name address timeZone }\n          service { id name }\n        }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ConfirmHold($appointmentId: ID!, $idempotencyKey: String!) {\n      confirmHold(appointmentId: $appointmentId, idempotencyKey: $idempotencyKey) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "): (typeof documents)["\n    mutation ConfirmHold($appointmentId: ID!, $idempotencyKey: String!) {\n      confirmHold(appointmentId: $appointmentId, idempotencyKey: $idempotencyKey) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyAppointments($period: AppointmentPeriod!) {\n      myAppointments(period: $period) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        cancelledLate\n        specialist { id displayName }\n        branch { id name address timeZone settings { lateCancelHours } }\n        service { id name }\n      }\n    }\n  "): (typeof documents)["\n    query MyAppointments($period: AppointmentPeriod!) {\n      myAppointments(period: $period) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        cancelledLate\n        specialist { id displayName }\n        branch { id name address timeZone settings { lateCancelHours } }\n        service { id name }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        specialist { id displayName }\n        branch { id name address timeZone }\n        service { id name }\n      }\n    }\n  "): (typeof documents)["\n    query MyAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        specialist { id displayName }\n        branch { id name address timeZone }\n        service { id name }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation Reschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "): (typeof documents)["\n    mutation Reschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CancelAppointment($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status cancelledLate }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation CancelAppointment($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status cancelledLate }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ConfirmAppointment($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation ConfirmAppointment($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyLabOrders {\n      myLabOrders {\n        id\n        patientId\n        status\n        createdAt\n        releasedAt\n        reviewComment\n        tests { testId name }\n        results {\n          id\n          testId\n          testName\n          kind\n          numeric\n          unit\n          coded\n          text\n          referenceText\n          referenceRange { low high }\n          flag\n          flagText\n          resultedAt\n          released\n        }\n      }\n    }\n  "): (typeof documents)["\n    query MyLabOrders {\n      myLabOrders {\n        id\n        patientId\n        status\n        createdAt\n        releasedAt\n        reviewComment\n        tests { testId name }\n        results {\n          id\n          testId\n          testName\n          kind\n          numeric\n          unit\n          coded\n          text\n          referenceText\n          referenceRange { low high }\n          flag\n          flagText\n          resultedAt\n          released\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LabResultHistory($patientId: ID!, $testId: ID!) {\n      labResultHistory(patientId: $patientId, testId: $testId) {\n        id\n        numeric\n        unit\n        flag\n        resultedAt\n        referenceText\n        referenceRange { low high }\n        released\n      }\n    }\n  "): (typeof documents)["\n    query LabResultHistory($patientId: ID!, $testId: ID!) {\n      labResultHistory(patientId: $patientId, testId: $testId) {\n        id\n        numeric\n        unit\n        flag\n        resultedAt\n        referenceText\n        referenceRange { low high }\n        released\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyPatient {\n      myPatient {\n        id\n        lastName\n        firstName\n        middleName\n        fullName\n        phone\n        email\n        birthDate\n        sex\n      }\n    }\n  "): (typeof documents)["\n    query MyPatient {\n      myPatient {\n        id\n        lastName\n        firstName\n        middleName\n        fullName\n        phone\n        email\n        birthDate\n        sex\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RegisterSelf($input: PatientInput!) {\n      registerSelf(input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n      }\n    }\n  "): (typeof documents)["\n    mutation RegisterSelf($input: PatientInput!) {\n      registerSelf(input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation UpdateMyContacts($id: ID!, $input: PatientUpdateInput!) {\n      updatePatient(id: $id, input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id phone email }\n      }\n    }\n  "): (typeof documents)["\n    mutation UpdateMyContacts($id: ID!, $input: PatientUpdateInput!) {\n      updatePatient(id: $id, input: $input) {\n        ok\n        inputErrors { field code message }\n        patient { id phone email }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ConsentTexts {\n      consentTexts { purpose version title body publishedAt }\n    }\n  "): (typeof documents)["\n    query ConsentTexts {\n      consentTexts { purpose version title body publishedAt }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyConsents {\n      myPatient {\n        id\n        consents(includeHistory: true) { id purpose textVersion givenAt givenChannel withdrawnAt active }\n      }\n      consentTexts { purpose version title body publishedAt }\n    }\n  "): (typeof documents)["\n    query MyConsents {\n      myPatient {\n        id\n        consents(includeHistory: true) { id purpose textVersion givenAt givenChannel withdrawnAt active }\n      }\n      consentTexts { purpose version title body publishedAt }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation GiveConsent($patientId: ID!, $purpose: ConsentPurpose!, $textVersion: Int!) {\n      giveConsent(patientId: $patientId, purpose: $purpose, textVersion: $textVersion, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active textVersion }\n      }\n    }\n  "): (typeof documents)["\n    mutation GiveConsent($patientId: ID!, $purpose: ConsentPurpose!, $textVersion: Int!) {\n      giveConsent(patientId: $patientId, purpose: $purpose, textVersion: $textVersion, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active textVersion }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation WithdrawConsent($patientId: ID!, $purpose: ConsentPurpose!) {\n      withdrawConsent(patientId: $patientId, purpose: $purpose, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active withdrawnAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation WithdrawConsent($patientId: ID!, $purpose: ConsentPurpose!) {\n      withdrawConsent(patientId: $patientId, purpose: $purpose, channel: PORTAL) {\n        ok\n        inputErrors { field code message }\n        consent { id purpose active withdrawnAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyRecord {\n      myRecord {\n        id\n        startedAt\n        branchId\n        doctorAccountId\n        current {\n          id\n          number\n          status\n          reason\n          signedAt\n          diagnoses { code title kind certainty }\n          conclusion\n          recommendations\n          prescriptions { drug form dose route frequency duration instructions }\n          referrals { kind target note }\n        }\n        addenda { id text signedAt }\n      }\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  "): (typeof documents)["\n    query MyRecord {\n      myRecord {\n        id\n        startedAt\n        branchId\n        doctorAccountId\n        current {\n          id\n          number\n          status\n          reason\n          signedAt\n          diagnoses { code title kind certainty }\n          conclusion\n          recommendations\n          prescriptions { drug form dose route frequency duration instructions }\n          referrals { kind target note }\n        }\n        addenda { id text signedAt }\n      }\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestVisitPdf($input: RequestDownloadInput!) {\n    requestDownload(input: $input) {\n      ok\n      inputErrors { field code message }\n      link { url expiresAt }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestVisitPdf($input: RequestDownloadInput!) {\n    requestDownload(input: $input) {\n      ok\n      inputErrors { field code message }\n      link { url expiresAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation UseReminderLink($token: String!) {\n      useReminderLink(token: $token) {\n        ok\n        action\n        status\n        startsAt\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation UseReminderLink($token: String!) {\n      useReminderLink(token: $token) {\n        ok\n        action\n        status\n        startsAt\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ReminderSettings {\n      myReminderSettings { preferredChannel pushDevices }\n      reminderChannels { enabled webPushPublicKey }\n    }\n  "): (typeof documents)["\n    query ReminderSettings {\n      myReminderSettings { preferredChannel pushDevices }\n      reminderChannels { enabled webPushPublicKey }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SetReminderChannel($channel: ReminderChannel!) {\n      setReminderChannel(channel: $channel) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation SetReminderChannel($channel: ReminderChannel!) {\n      setReminderChannel(channel: $channel) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RegisterPush($input: PushSubscriptionInput!) {\n      registerPushSubscription(input: $input) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation RegisterPush($input: PushSubscriptionInput!) {\n      registerPushSubscription(input: $input) {\n        settings { preferredChannel pushDevices }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RemovePush($endpoint: String!) {\n      removePushSubscription(endpoint: $endpoint) {\n        settings { pushDevices }\n      }\n    }\n  "): (typeof documents)["\n    mutation RemovePush($endpoint: String!) {\n      removePushSubscription(endpoint: $endpoint) {\n        settings { pushDevices }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MyAccessTrail($first: Int, $before: ID) {\n      myAccessTrail(first: $first, before: $before) {\n        cursor\n        at\n        role\n        department\n        purpose\n        categories\n      }\n    }\n  "): (typeof documents)["\n    query MyAccessTrail($first: Int, $before: ID) {\n      myAccessTrail(first: $first, before: $before) {\n        cursor\n        at\n        role\n        department\n        purpose\n        categories\n      }\n    }\n  "];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;