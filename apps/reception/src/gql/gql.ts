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
    "\n    query Reconciliation($branchId: ID!, $day: String!) {\n      reconciliation(branchId: $branchId, day: $day) {\n        branchId\n        day\n        registerId\n        balanced\n        checkedAt\n        ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }\n        shifts {\n          registerId\n          shiftNumber\n          open\n          openedAt\n          closedAt\n          source\n          report { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n          ledger { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n        }\n        settlement { configured available paymentsCount paymentsKopecks refundsCount refundsKopecks }\n        discrepancies {\n          code\n          message\n          paymentId\n          refundId\n          providerPaymentId\n          registerId\n          shiftNumber\n          expectedKopecks\n          actualKopecks\n        }\n      }\n    }\n  ": typeof types.ReconciliationDocument,
    "\n  fragment OneCExportStatusFields on OneCExportStatus {\n    enabled\n    fileEnabled\n    exported\n    failed\n    pending\n    lastRun { running startedAt finishedAt exported failed }\n    failures { kind id attempts lastError nextAttemptAt }\n  }\n": typeof types.OneCExportStatusFieldsFragmentDoc,
    "\n    query OneCExportStatus {\n      oneCExportStatus { ...OneCExportStatusFields }\n    }\n  ": typeof types.OneCExportStatusDocument,
    "\n    mutation RunOneCExport {\n      runOneCExport {\n        ok\n        inputErrors { field code message }\n        run {\n          ran\n          reason\n          exported\n          alreadyExported\n          deferred\n          failed\n          status { ...OneCExportStatusFields }\n        }\n      }\n    }\n  ": typeof types.RunOneCExportDocument,
    "\n    query EnterpriseDataExport($day: String!) {\n      enterpriseDataExport(day: $day) { day fileName xml paymentsCount refundsCount }\n    }\n  ": typeof types.EnterpriseDataExportDocument,
    "\n  mutation ReceptionSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": typeof types.ReceptionSignInDocument,
    "\n  mutation ReceptionRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": typeof types.ReceptionRefreshDocument,
    "\n  mutation ReceptionSignOut {\n    signOut { ok }\n  }\n": typeof types.ReceptionSignOutDocument,
    "\n  fragment ReceiptFields on Receipt {\n    id\n    paymentId\n    operation\n    totalKopecks\n    cashKopecks\n    electronicKopecks\n    customerContact\n    fiscalDocumentNumber\n    fiscalSign\n    fnNumber\n    registrationNumber\n    shiftNumber\n    receiptNumber\n    fiscalAt\n    lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n  }\n": typeof types.ReceiptFieldsFragmentDoc,
    "\n  fragment InvoiceSummaryFields on Invoice {\n    id\n    number\n    patientId\n    branchId\n    source\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n  }\n": typeof types.InvoiceSummaryFieldsFragmentDoc,
    "\n    query DeskInvoice($id: ID!) {\n      invoice(id: $id) {\n        ...InvoiceSummaryFields\n        lines { lineNo priceItemId name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n        payments {\n          id\n          method\n          amountKopecks\n          status\n          statusReason\n          createdAt\n          capturedAt\n          refundedKopecks\n          refunds { id amountKopecks reason status statusReason createdAt }\n          receipts { ...ReceiptFields }\n        }\n      }\n    }\n  ": typeof types.DeskInvoiceDocument,
    "\n    query PatientInvoices($patientId: ID!) {\n      invoices(patientId: $patientId) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n      }\n    }\n  ": typeof types.PatientInvoicesDocument,
    "\n    query BranchInvoices($branchId: ID!, $day: String!) {\n      branchInvoices(branchId: $branchId, day: $day) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n        payments { id method amountKopecks status refundedKopecks }\n      }\n    }\n  ": typeof types.BranchInvoicesDocument,
    "\n    query DeskPriceList($branchId: ID!, $on: String) {\n      priceList(branchId: $branchId, on: $on) { id code kind refId name priceKopecks vat validFrom validTo }\n    }\n  ": typeof types.DeskPriceListDocument,
    "\n    mutation CreateDeskInvoice($input: CreateInvoiceInput!) {\n      createInvoice(input: $input) {\n        ok\n        inputErrors { field code message }\n        invoice { id number }\n      }\n    }\n  ": typeof types.CreateDeskInvoiceDocument,
    "\n    query DeskFiscalShift($branchId: ID!) {\n      fiscalShift(branchId: $branchId) { id registerId open shiftNumber openedAt closedAt }\n    }\n  ": typeof types.DeskFiscalShiftDocument,
    "\n    mutation OpenFiscalShift($branchId: ID!) {\n      openFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  ": typeof types.OpenFiscalShiftDocument,
    "\n    mutation CloseFiscalShift($branchId: ID!) {\n      closeFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  ": typeof types.CloseFiscalShiftDocument,
    "\n    mutation TakeDeskPayment($input: TakeDeskPaymentInput!) {\n      takeDeskPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  ": typeof types.TakeDeskPaymentDocument,
    "\n    mutation RetryPaymentFiscalisation($paymentId: ID!) {\n      retryPaymentFiscalisation(paymentId: $paymentId) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  ": typeof types.RetryPaymentFiscalisationDocument,
    "\n    mutation RefundPayment($input: RefundPaymentInput!) {\n      refundPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        refund { id status statusReason amountKopecks }\n      }\n    }\n  ": typeof types.RefundPaymentDocument,
    "\n    mutation SetPrice($input: SetPriceInput!) {\n      setPrice(input: $input) {\n        ok\n        inputErrors { field code message }\n        priceItem { id code name priceKopecks validFrom }\n      }\n    }\n  ": typeof types.SetPriceDocument,
    "\n    query PricedServices {\n      services { id name }\n    }\n  ": typeof types.PricedServicesDocument,
    "\n    query CashierPatientSearch($query: PatientSearchInput!) {\n      searchPatients(query: $query, first: 20) {\n        nodes { id fullName phone }\n      }\n    }\n  ": typeof types.CashierPatientSearchDocument,
    "\n    query CallList($branchId: ID!, $date: String) {\n      callList(branchId: $branchId, date: $date) {\n        reason\n        callStatus\n        calledAt\n        appointment {\n          id\n          status\n          startsAt\n          patientId\n          patient { id fullName phone }\n          specialist { id displayName }\n          service { id name }\n        }\n      }\n    }\n  ": typeof types.CallListDocument,
    "\n    mutation SetCallStatus($appointmentId: ID!, $status: CallStatus!) {\n      setCallStatus(appointmentId: $appointmentId, status: $status) {\n        entry { callStatus calledAt appointment { id } }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.SetCallStatusDocument,
    "\n    query ReceptionMe {\n      me { id role displayName branchIds totpEnabled }\n      branches { id name address timeZone }\n    }\n  ": typeof types.ReceptionMeDocument,
    "\n    query BranchSpecialists($branchId: ID!) {\n      specialists(filter: { branchId: $branchId }) {\n        id\n        displayName\n        specialties\n        services { id name durationMinutes }\n      }\n    }\n  ": typeof types.BranchSpecialistsDocument,
    "\n    query ReceptionFreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  ": typeof types.ReceptionFreeSlotsDocument,
    "\n    mutation StartTotpEnrollment {\n      startTotpEnrollment { ok secret otpauthUri inputErrors { field code message } }\n    }\n  ": typeof types.StartTotpEnrollmentDocument,
    "\n    mutation ConfirmTotpEnrollment($code: String!) {\n      confirmTotpEnrollment(code: $code) { ok inputErrors { field code message } account { id totpEnabled } }\n    }\n  ": typeof types.ConfirmTotpEnrollmentDocument,
    "\n  fragment ContractSummaryFields on Contract {\n    id\n    number\n    status\n    date\n    createdAt\n    acceptedAt\n    acceptanceChannel\n    totalKopecks\n    services { code name quantity unitPriceKopecks amountKopecks }\n  }\n": typeof types.ContractSummaryFieldsFragmentDoc,
    "\n    query PatientContracts($patientId: ID!) {\n      patientContracts(patientId: $patientId) { ...ContractSummaryFields }\n    }\n  ": typeof types.PatientContractsDocument,
    "\n    mutation CreateDeskContract($input: CreateContractInput!) {\n      createContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  ": typeof types.CreateDeskContractDocument,
    "\n    mutation SignContractAtDesk($contractId: ID!) {\n      signContractAtDesk(contractId: $contractId) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  ": typeof types.SignContractAtDeskDocument,
    "\n  query DeskContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n": typeof types.DeskContractPdfDocument,
    "\n    query BranchJournal($branchId: ID!, $date: String!) {\n      branchJournal(branchId: $branchId, date: $date) {\n        id\n        status\n        startsAt\n        endsAt\n        source\n        overbooked\n        cancelledLate\n        confirmedAt\n        checkedInAt\n        specialistId\n        serviceId\n        patientId\n        patient { id fullName phone }\n        service { id name }\n      }\n    }\n  ": typeof types.BranchJournalDocument,
    "\n    query ReceptionAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        patientId\n        patient { id fullName phone }\n        specialist { id displayName }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  ": typeof types.ReceptionAppointmentDocument,
    "\n    mutation ReceptionBook($input: BookingInput!) {\n      bookAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": typeof types.ReceptionBookDocument,
    "\n    mutation ReceptionReschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": typeof types.ReceptionRescheduleDocument,
    "\n    mutation ReceptionCancel($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.ReceptionCancelDocument,
    "\n    mutation ReceptionConfirm($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.ReceptionConfirmDocument,
    "\n    mutation ReceptionCheckIn($appointmentId: ID!) {\n      checkInAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.ReceptionCheckInDocument,
    "\n    mutation ReceptionNoShow($appointmentId: ID!) {\n      markNoShow(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": typeof types.ReceptionNoShowDocument,
    "\n  subscription ReceptionAppointmentEvents($branchId: ID!) {\n    appointmentEvents(branchId: $branchId) {\n      type\n      appointmentId\n      branchId\n      occurredAt\n      appointment { id status startsAt specialistId }\n    }\n  }\n": typeof types.ReceptionAppointmentEventsDocument,
    "\n  fragment LabResultFields on LabResult {\n    id\n    testId\n    testName\n    kind\n    numeric\n    unit\n    coded\n    text\n    referenceText\n    flag\n    flagText\n    critical\n    partnerComment\n    resultedAt\n    released\n    previous { id numeric resultedAt flag }\n  }\n": typeof types.LabResultFieldsFragmentDoc,
    "\n  fragment LabOrderFields on LabOrder {\n    id\n    patientId\n    visitId\n    priority\n    clinicalNote\n    status\n    statusReason\n    specimenCode\n    specimenType\n    partnerName\n    tests { testId code name unit resulted }\n    results { ...LabResultFields }\n    reviewComment\n    createdAt\n    collectedAt\n    sentAt\n    resultedAt\n    releasedAt\n  }\n": typeof types.LabOrderFieldsFragmentDoc,
    "\n    query LabTests($search: String) {\n      labTests(search: $search) { id code name specimenType unit turnaroundHours partnerName }\n    }\n  ": typeof types.LabTestsDocument,
    "\n    query LabOrdersForVisit($visitId: ID!) {\n      labOrdersForVisit(visitId: $visitId) { ...LabOrderFields }\n    }\n  ": typeof types.LabOrdersForVisitDocument,
    "\n    query PatientLabOrders($patientId: ID!) {\n      labOrders(patientId: $patientId) { ...LabOrderFields }\n    }\n  ": typeof types.PatientLabOrdersDocument,
    "\n    query LabOrdersToReview {\n      labOrdersToReview { ...LabOrderFields }\n    }\n  ": typeof types.LabOrdersToReviewDocument,
    "\n    query LabPatient($id: ID!) {\n      patient(id: $id) { id fullName birthDate ageYears }\n    }\n  ": typeof types.LabPatientDocument,
    "\n    mutation OrderLabTests($input: OrderLabTestsInput!) {\n      orderLabTests(input: $input) {\n        ok\n        inputErrors { field code message }\n        orders { id status specimenCode }\n      }\n    }\n  ": typeof types.OrderLabTestsDocument,
    "\n    mutation RecordLabSpecimenStep($input: LabSpecimenStepInput!) {\n      recordLabSpecimenStep(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status collectedAt sentAt }\n      }\n    }\n  ": typeof types.RecordLabSpecimenStepDocument,
    "\n    mutation CancelLabOrder($input: CancelLabOrderInput!) {\n      cancelLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status statusReason }\n      }\n    }\n  ": typeof types.CancelLabOrderDocument,
    "\n    mutation ReviewLabOrder($input: ReviewLabOrderInput!) {\n      reviewLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status reviewComment releasedAt }\n      }\n    }\n  ": typeof types.ReviewLabOrderDocument,
    "\n  fragment LabAlertFields on LabAlert {\n    id\n    patientId\n    orderId\n    flag\n    raisedAt\n    escalatedAt\n    acknowledgedAt\n    result { id testName numeric unit coded text flag flagText referenceText }\n  }\n": typeof types.LabAlertFieldsFragmentDoc,
    "\n    query LabAlerts {\n      labAlerts { ...LabAlertFields }\n    }\n  ": typeof types.LabAlertsDocument,
    "\n    mutation AcknowledgeLabAlert($alertId: ID!) {\n      acknowledgeLabAlert(alertId: $alertId) {\n        ok\n        inputErrors { field code message }\n        alert { id acknowledgedAt }\n      }\n    }\n  ": typeof types.AcknowledgeLabAlertDocument,
    "\n  subscription ReceptionLabAlertRaised {\n    labAlertRaised { ...LabAlertFields }\n  }\n": typeof types.ReceptionLabAlertRaisedDocument,
    "\n    query SearchPatients($query: PatientSearchInput!, $after: String) {\n      searchPatients(query: $query, first: 20, after: $after) {\n        nodes { id fullName phone email birthDate }\n        pageInfo { endCursor hasNextPage }\n      }\n    }\n  ": typeof types.SearchPatientsDocument,
    "\n    query PatientCard($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        phone\n        email\n        birthDate\n        sex\n        passport\n        snils\n        insurancePolicy\n        registrationAddress\n        homeAddress\n        workplace\n        consents { id purpose active textVersion givenAt }\n      }\n    }\n  ": typeof types.PatientCardDocument,
    "\n    mutation RegisterPatient($input: PatientInput!, $confirmNotDuplicate: Boolean, $idempotencyKey: String) {\n      registerPatient(input: $input, confirmNotDuplicate: $confirmNotDuplicate, idempotencyKey: $idempotencyKey) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n        duplicates { id fullName phone birthDate }\n      }\n    }\n  ": typeof types.RegisterPatientDocument,
    "\n  fragment SecurityAlertFields on SecurityAlert {\n    id\n    rule\n    ruleTitle\n    severity\n    actorId\n    actorRole\n    patientId\n    service\n    occurredAt\n    status\n    assigneeId\n    raisedAt\n    updatedAt\n  }\n": typeof types.SecurityAlertFieldsFragmentDoc,
    "\n    query SecurityAlerts($filter: SecurityAlertsFilter, $first: Int) {\n      securityAlerts(filter: $filter, first: $first) { ...SecurityAlertFields }\n    }\n  ": typeof types.SecurityAlertsDocument,
    "\n    query SecurityAlert($id: ID!) {\n      securityAlert(id: $id) {\n        ...SecurityAlertFields\n        explanation\n        evidence\n        steps { step accountId status assigneeId note at }\n      }\n    }\n  ": typeof types.SecurityAlertDocument,
    "\n    subscription SecurityAlertRaised {\n      securityAlertRaised { ...SecurityAlertFields }\n    }\n  ": typeof types.SecurityAlertRaisedDocument,
    "\n    mutation TriageSecurityAlert($input: TriageSecurityAlertInput!) {\n      triageSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  ": typeof types.TriageSecurityAlertDocument,
    "\n    mutation AssignSecurityAlert($input: AssignSecurityAlertInput!) {\n      assignSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  ": typeof types.AssignSecurityAlertDocument,
    "\n    mutation AddSecurityAlertNote($input: AddSecurityAlertNoteInput!) {\n      addSecurityAlertNote(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  ": typeof types.AddSecurityAlertNoteDocument,
    "\n    query MonitoringRules {\n      monitoringRules { id title explanation severity enabled parameters }\n    }\n  ": typeof types.MonitoringRulesDocument,
    "\n    query AuditRecords($filter: AuditRecordsFilter!, $first: Int, $before: ID) {\n      auditRecords(filter: $filter, first: $first, before: $before) {\n        streamId\n        service\n        seq\n        occurredAt\n        subtype\n        actorId\n        actorRole\n        patientId\n        categories\n        operation\n        requestId\n        clientAddress\n        purpose\n      }\n    }\n  ": typeof types.AuditRecordsDocument,
    "\n  fragment ChainVerificationFields on AuditChainVerification {\n    service\n    checkedAt\n    result\n    checkedEvents\n    brokenAtSeq\n    reason\n  }\n": typeof types.ChainVerificationFieldsFragmentDoc,
    "\n    query AuditChainStatus {\n      auditChainStatus {\n        service\n        lastSeq\n        lastPulledAt\n        lagSeconds\n        failures\n        lastErrorCode\n        halted\n        haltedReason\n        haltedAtSeq\n        lastCheckpointSeq\n        lastCheckpointAt\n        lastVerification { ...ChainVerificationFields }\n      }\n    }\n  ": typeof types.AuditChainStatusDocument,
    "\n    mutation VerifyAuditChains($input: VerifyAuditChainsInput) {\n      verifyAuditChains(input: $input) {\n        ok\n        inputErrors { field code message }\n        results { ...ChainVerificationFields }\n      }\n    }\n  ": typeof types.VerifyAuditChainsDocument,
    "\n    query StaffAccounts {\n      staffAccounts { id displayName role dismissedAt }\n    }\n  ": typeof types.StaffAccountsDocument,
    "\n    query DoctorToday($from: String!, $to: String!) {\n      doctorSchedule(from: $from, to: $to) {\n        id\n        status\n        startsAt\n        endsAt\n        patientId\n        branchId\n        patient { id fullName birthDate }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  ": typeof types.DoctorTodayDocument,
    "\n    query StaffDirectory {\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  ": typeof types.StaffDirectoryDocument,
    "\n    query RecordAccess($patientId: ID!) {\n      recordAccess(patientId: $patientId) { patientId level breakGlassAvailable breakGlassUntil }\n    }\n  ": typeof types.RecordAccessDocument,
    "\n    query DoctorPatient($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        birthDate\n        ageYears\n        sex\n        phone\n        email\n        insurancePolicy\n        chronicConditions\n      }\n    }\n  ": typeof types.DoctorPatientDocument,
    "\n  fragment VisitVersionFields on VisitVersion {\n    id\n    number\n    status\n    reason\n    replacesVersionId\n    signedBy\n    signedAt\n    contentHash\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n": typeof types.VisitVersionFieldsFragmentDoc,
    "\n  fragment VisitFields on Visit {\n    id\n    patientId\n    appointmentId\n    doctorAccountId\n    branchId\n    startedAt\n    status\n    current { ...VisitVersionFields }\n    versions { ...VisitVersionFields }\n    addenda { id text signedBy signedAt }\n  }\n": typeof types.VisitFieldsFragmentDoc,
    "\n    query PatientVisits($patientId: ID!) {\n      visits(patientId: $patientId) { ...VisitFields }\n    }\n  ": typeof types.PatientVisitsDocument,
    "\n  fragment VisitDraftFields on VisitDraft {\n    id\n    visitId\n    kind\n    replacesVersionId\n    revision\n    updatedAt\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n": typeof types.VisitDraftFieldsFragmentDoc,
    "\n    query VisitWork($visitId: ID!) {\n      visit(id: $visitId) { ...VisitFields }\n      myVisitDraft(visitId: $visitId) { ...VisitDraftFields }\n    }\n  ": typeof types.VisitWorkDocument,
    "\n    query VisitForAppointment($appointmentId: ID!) {\n      visitForAppointment(appointmentId: $appointmentId) { id patientId status }\n    }\n  ": typeof types.VisitForAppointmentDocument,
    "\n    query Icd10Search($query: String!) {\n      icd10Search(query: $query, first: 12) { code title }\n    }\n  ": typeof types.Icd10SearchDocument,
    "\n    mutation OpenVisit($input: OpenVisitInput!) {\n      openVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id patientId status }\n      }\n    }\n  ": typeof types.OpenVisitDocument,
    "\n    mutation SaveVisitDraft($input: SaveVisitDraftInput!) {\n      saveVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision updatedAt diagnoses { code title kind certainty } }\n      }\n    }\n  ": typeof types.SaveVisitDraftDocument,
    "\n    mutation SignVisit($input: SignVisitInput!) {\n      signVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id number status signedAt }\n      }\n    }\n  ": typeof types.SignVisitDocument,
    "\n    mutation StartVisitCorrection($input: VisitRefInput!) {\n      startVisitCorrection(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision }\n      }\n    }\n  ": typeof types.StartVisitCorrectionDocument,
    "\n    mutation DiscardVisitDraft($input: VisitRefInput!) {\n      discardVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id status }\n      }\n    }\n  ": typeof types.DiscardVisitDraftDocument,
    "\n    mutation AddVisitAddendum($input: AddVisitAddendumInput!) {\n      addVisitAddendum(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id }\n      }\n    }\n  ": typeof types.AddVisitAddendumDocument,
    "\n    mutation MarkVisitEnteredInError($input: MarkVisitEnteredInErrorInput!) {\n      markVisitEnteredInError(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id status }\n      }\n    }\n  ": typeof types.MarkVisitEnteredInErrorDocument,
    "\n    mutation BreakGlass($input: BreakGlassInput!) {\n      breakGlass(input: $input) {\n        ok\n        inputErrors { field code message }\n        expiresAt\n      }\n    }\n  ": typeof types.BreakGlassDocument,
    "\n  fragment TaxCertificateFields on TaxCertificate {\n    id\n    number\n    year\n    issuedAt\n    totalKopecks\n    sums { code kopecks }\n    fileName\n    createdAt\n  }\n": typeof types.TaxCertificateFieldsFragmentDoc,
    "\n    query TaxCertificates($patientId: ID!) {\n      taxCertificates(patientId: $patientId) { ...TaxCertificateFields }\n    }\n  ": typeof types.TaxCertificatesDocument,
    "\n    mutation IssueTaxCertificate($input: IssueTaxCertificateInput!) {\n      issueTaxCertificate(input: $input) {\n        ok\n        inputErrors { field code message }\n        certificate { ...TaxCertificateFields }\n      }\n    }\n  ": typeof types.IssueTaxCertificateDocument,
    "\n    query TaxPatientName($id: ID!) {\n      patient(id: $id) { id fullName }\n    }\n  ": typeof types.TaxPatientNameDocument,
    "\n  query TaxCertificateFiles($patientId: ID!) {\n    taxCertificates(patientId: $patientId) { id pdfUrl xmlUrl }\n  }\n": typeof types.TaxCertificateFilesDocument,
};
const documents: Documents = {
    "\n    query Reconciliation($branchId: ID!, $day: String!) {\n      reconciliation(branchId: $branchId, day: $day) {\n        branchId\n        day\n        registerId\n        balanced\n        checkedAt\n        ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }\n        shifts {\n          registerId\n          shiftNumber\n          open\n          openedAt\n          closedAt\n          source\n          report { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n          ledger { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n        }\n        settlement { configured available paymentsCount paymentsKopecks refundsCount refundsKopecks }\n        discrepancies {\n          code\n          message\n          paymentId\n          refundId\n          providerPaymentId\n          registerId\n          shiftNumber\n          expectedKopecks\n          actualKopecks\n        }\n      }\n    }\n  ": types.ReconciliationDocument,
    "\n  fragment OneCExportStatusFields on OneCExportStatus {\n    enabled\n    fileEnabled\n    exported\n    failed\n    pending\n    lastRun { running startedAt finishedAt exported failed }\n    failures { kind id attempts lastError nextAttemptAt }\n  }\n": types.OneCExportStatusFieldsFragmentDoc,
    "\n    query OneCExportStatus {\n      oneCExportStatus { ...OneCExportStatusFields }\n    }\n  ": types.OneCExportStatusDocument,
    "\n    mutation RunOneCExport {\n      runOneCExport {\n        ok\n        inputErrors { field code message }\n        run {\n          ran\n          reason\n          exported\n          alreadyExported\n          deferred\n          failed\n          status { ...OneCExportStatusFields }\n        }\n      }\n    }\n  ": types.RunOneCExportDocument,
    "\n    query EnterpriseDataExport($day: String!) {\n      enterpriseDataExport(day: $day) { day fileName xml paymentsCount refundsCount }\n    }\n  ": types.EnterpriseDataExportDocument,
    "\n  mutation ReceptionSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": types.ReceptionSignInDocument,
    "\n  mutation ReceptionRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n": types.ReceptionRefreshDocument,
    "\n  mutation ReceptionSignOut {\n    signOut { ok }\n  }\n": types.ReceptionSignOutDocument,
    "\n  fragment ReceiptFields on Receipt {\n    id\n    paymentId\n    operation\n    totalKopecks\n    cashKopecks\n    electronicKopecks\n    customerContact\n    fiscalDocumentNumber\n    fiscalSign\n    fnNumber\n    registrationNumber\n    shiftNumber\n    receiptNumber\n    fiscalAt\n    lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n  }\n": types.ReceiptFieldsFragmentDoc,
    "\n  fragment InvoiceSummaryFields on Invoice {\n    id\n    number\n    patientId\n    branchId\n    source\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n  }\n": types.InvoiceSummaryFieldsFragmentDoc,
    "\n    query DeskInvoice($id: ID!) {\n      invoice(id: $id) {\n        ...InvoiceSummaryFields\n        lines { lineNo priceItemId name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n        payments {\n          id\n          method\n          amountKopecks\n          status\n          statusReason\n          createdAt\n          capturedAt\n          refundedKopecks\n          refunds { id amountKopecks reason status statusReason createdAt }\n          receipts { ...ReceiptFields }\n        }\n      }\n    }\n  ": types.DeskInvoiceDocument,
    "\n    query PatientInvoices($patientId: ID!) {\n      invoices(patientId: $patientId) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n      }\n    }\n  ": types.PatientInvoicesDocument,
    "\n    query BranchInvoices($branchId: ID!, $day: String!) {\n      branchInvoices(branchId: $branchId, day: $day) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n        payments { id method amountKopecks status refundedKopecks }\n      }\n    }\n  ": types.BranchInvoicesDocument,
    "\n    query DeskPriceList($branchId: ID!, $on: String) {\n      priceList(branchId: $branchId, on: $on) { id code kind refId name priceKopecks vat validFrom validTo }\n    }\n  ": types.DeskPriceListDocument,
    "\n    mutation CreateDeskInvoice($input: CreateInvoiceInput!) {\n      createInvoice(input: $input) {\n        ok\n        inputErrors { field code message }\n        invoice { id number }\n      }\n    }\n  ": types.CreateDeskInvoiceDocument,
    "\n    query DeskFiscalShift($branchId: ID!) {\n      fiscalShift(branchId: $branchId) { id registerId open shiftNumber openedAt closedAt }\n    }\n  ": types.DeskFiscalShiftDocument,
    "\n    mutation OpenFiscalShift($branchId: ID!) {\n      openFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  ": types.OpenFiscalShiftDocument,
    "\n    mutation CloseFiscalShift($branchId: ID!) {\n      closeFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  ": types.CloseFiscalShiftDocument,
    "\n    mutation TakeDeskPayment($input: TakeDeskPaymentInput!) {\n      takeDeskPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  ": types.TakeDeskPaymentDocument,
    "\n    mutation RetryPaymentFiscalisation($paymentId: ID!) {\n      retryPaymentFiscalisation(paymentId: $paymentId) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  ": types.RetryPaymentFiscalisationDocument,
    "\n    mutation RefundPayment($input: RefundPaymentInput!) {\n      refundPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        refund { id status statusReason amountKopecks }\n      }\n    }\n  ": types.RefundPaymentDocument,
    "\n    mutation SetPrice($input: SetPriceInput!) {\n      setPrice(input: $input) {\n        ok\n        inputErrors { field code message }\n        priceItem { id code name priceKopecks validFrom }\n      }\n    }\n  ": types.SetPriceDocument,
    "\n    query PricedServices {\n      services { id name }\n    }\n  ": types.PricedServicesDocument,
    "\n    query CashierPatientSearch($query: PatientSearchInput!) {\n      searchPatients(query: $query, first: 20) {\n        nodes { id fullName phone }\n      }\n    }\n  ": types.CashierPatientSearchDocument,
    "\n    query CallList($branchId: ID!, $date: String) {\n      callList(branchId: $branchId, date: $date) {\n        reason\n        callStatus\n        calledAt\n        appointment {\n          id\n          status\n          startsAt\n          patientId\n          patient { id fullName phone }\n          specialist { id displayName }\n          service { id name }\n        }\n      }\n    }\n  ": types.CallListDocument,
    "\n    mutation SetCallStatus($appointmentId: ID!, $status: CallStatus!) {\n      setCallStatus(appointmentId: $appointmentId, status: $status) {\n        entry { callStatus calledAt appointment { id } }\n        inputErrors { field code message }\n      }\n    }\n  ": types.SetCallStatusDocument,
    "\n    query ReceptionMe {\n      me { id role displayName branchIds totpEnabled }\n      branches { id name address timeZone }\n    }\n  ": types.ReceptionMeDocument,
    "\n    query BranchSpecialists($branchId: ID!) {\n      specialists(filter: { branchId: $branchId }) {\n        id\n        displayName\n        specialties\n        services { id name durationMinutes }\n      }\n    }\n  ": types.BranchSpecialistsDocument,
    "\n    query ReceptionFreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  ": types.ReceptionFreeSlotsDocument,
    "\n    mutation StartTotpEnrollment {\n      startTotpEnrollment { ok secret otpauthUri inputErrors { field code message } }\n    }\n  ": types.StartTotpEnrollmentDocument,
    "\n    mutation ConfirmTotpEnrollment($code: String!) {\n      confirmTotpEnrollment(code: $code) { ok inputErrors { field code message } account { id totpEnabled } }\n    }\n  ": types.ConfirmTotpEnrollmentDocument,
    "\n  fragment ContractSummaryFields on Contract {\n    id\n    number\n    status\n    date\n    createdAt\n    acceptedAt\n    acceptanceChannel\n    totalKopecks\n    services { code name quantity unitPriceKopecks amountKopecks }\n  }\n": types.ContractSummaryFieldsFragmentDoc,
    "\n    query PatientContracts($patientId: ID!) {\n      patientContracts(patientId: $patientId) { ...ContractSummaryFields }\n    }\n  ": types.PatientContractsDocument,
    "\n    mutation CreateDeskContract($input: CreateContractInput!) {\n      createContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  ": types.CreateDeskContractDocument,
    "\n    mutation SignContractAtDesk($contractId: ID!) {\n      signContractAtDesk(contractId: $contractId) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  ": types.SignContractAtDeskDocument,
    "\n  query DeskContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n": types.DeskContractPdfDocument,
    "\n    query BranchJournal($branchId: ID!, $date: String!) {\n      branchJournal(branchId: $branchId, date: $date) {\n        id\n        status\n        startsAt\n        endsAt\n        source\n        overbooked\n        cancelledLate\n        confirmedAt\n        checkedInAt\n        specialistId\n        serviceId\n        patientId\n        patient { id fullName phone }\n        service { id name }\n      }\n    }\n  ": types.BranchJournalDocument,
    "\n    query ReceptionAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        patientId\n        patient { id fullName phone }\n        specialist { id displayName }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  ": types.ReceptionAppointmentDocument,
    "\n    mutation ReceptionBook($input: BookingInput!) {\n      bookAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": types.ReceptionBookDocument,
    "\n    mutation ReceptionReschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  ": types.ReceptionRescheduleDocument,
    "\n    mutation ReceptionCancel($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": types.ReceptionCancelDocument,
    "\n    mutation ReceptionConfirm($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": types.ReceptionConfirmDocument,
    "\n    mutation ReceptionCheckIn($appointmentId: ID!) {\n      checkInAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": types.ReceptionCheckInDocument,
    "\n    mutation ReceptionNoShow($appointmentId: ID!) {\n      markNoShow(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  ": types.ReceptionNoShowDocument,
    "\n  subscription ReceptionAppointmentEvents($branchId: ID!) {\n    appointmentEvents(branchId: $branchId) {\n      type\n      appointmentId\n      branchId\n      occurredAt\n      appointment { id status startsAt specialistId }\n    }\n  }\n": types.ReceptionAppointmentEventsDocument,
    "\n  fragment LabResultFields on LabResult {\n    id\n    testId\n    testName\n    kind\n    numeric\n    unit\n    coded\n    text\n    referenceText\n    flag\n    flagText\n    critical\n    partnerComment\n    resultedAt\n    released\n    previous { id numeric resultedAt flag }\n  }\n": types.LabResultFieldsFragmentDoc,
    "\n  fragment LabOrderFields on LabOrder {\n    id\n    patientId\n    visitId\n    priority\n    clinicalNote\n    status\n    statusReason\n    specimenCode\n    specimenType\n    partnerName\n    tests { testId code name unit resulted }\n    results { ...LabResultFields }\n    reviewComment\n    createdAt\n    collectedAt\n    sentAt\n    resultedAt\n    releasedAt\n  }\n": types.LabOrderFieldsFragmentDoc,
    "\n    query LabTests($search: String) {\n      labTests(search: $search) { id code name specimenType unit turnaroundHours partnerName }\n    }\n  ": types.LabTestsDocument,
    "\n    query LabOrdersForVisit($visitId: ID!) {\n      labOrdersForVisit(visitId: $visitId) { ...LabOrderFields }\n    }\n  ": types.LabOrdersForVisitDocument,
    "\n    query PatientLabOrders($patientId: ID!) {\n      labOrders(patientId: $patientId) { ...LabOrderFields }\n    }\n  ": types.PatientLabOrdersDocument,
    "\n    query LabOrdersToReview {\n      labOrdersToReview { ...LabOrderFields }\n    }\n  ": types.LabOrdersToReviewDocument,
    "\n    query LabPatient($id: ID!) {\n      patient(id: $id) { id fullName birthDate ageYears }\n    }\n  ": types.LabPatientDocument,
    "\n    mutation OrderLabTests($input: OrderLabTestsInput!) {\n      orderLabTests(input: $input) {\n        ok\n        inputErrors { field code message }\n        orders { id status specimenCode }\n      }\n    }\n  ": types.OrderLabTestsDocument,
    "\n    mutation RecordLabSpecimenStep($input: LabSpecimenStepInput!) {\n      recordLabSpecimenStep(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status collectedAt sentAt }\n      }\n    }\n  ": types.RecordLabSpecimenStepDocument,
    "\n    mutation CancelLabOrder($input: CancelLabOrderInput!) {\n      cancelLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status statusReason }\n      }\n    }\n  ": types.CancelLabOrderDocument,
    "\n    mutation ReviewLabOrder($input: ReviewLabOrderInput!) {\n      reviewLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status reviewComment releasedAt }\n      }\n    }\n  ": types.ReviewLabOrderDocument,
    "\n  fragment LabAlertFields on LabAlert {\n    id\n    patientId\n    orderId\n    flag\n    raisedAt\n    escalatedAt\n    acknowledgedAt\n    result { id testName numeric unit coded text flag flagText referenceText }\n  }\n": types.LabAlertFieldsFragmentDoc,
    "\n    query LabAlerts {\n      labAlerts { ...LabAlertFields }\n    }\n  ": types.LabAlertsDocument,
    "\n    mutation AcknowledgeLabAlert($alertId: ID!) {\n      acknowledgeLabAlert(alertId: $alertId) {\n        ok\n        inputErrors { field code message }\n        alert { id acknowledgedAt }\n      }\n    }\n  ": types.AcknowledgeLabAlertDocument,
    "\n  subscription ReceptionLabAlertRaised {\n    labAlertRaised { ...LabAlertFields }\n  }\n": types.ReceptionLabAlertRaisedDocument,
    "\n    query SearchPatients($query: PatientSearchInput!, $after: String) {\n      searchPatients(query: $query, first: 20, after: $after) {\n        nodes { id fullName phone email birthDate }\n        pageInfo { endCursor hasNextPage }\n      }\n    }\n  ": types.SearchPatientsDocument,
    "\n    query PatientCard($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        phone\n        email\n        birthDate\n        sex\n        passport\n        snils\n        insurancePolicy\n        registrationAddress\n        homeAddress\n        workplace\n        consents { id purpose active textVersion givenAt }\n      }\n    }\n  ": types.PatientCardDocument,
    "\n    mutation RegisterPatient($input: PatientInput!, $confirmNotDuplicate: Boolean, $idempotencyKey: String) {\n      registerPatient(input: $input, confirmNotDuplicate: $confirmNotDuplicate, idempotencyKey: $idempotencyKey) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n        duplicates { id fullName phone birthDate }\n      }\n    }\n  ": types.RegisterPatientDocument,
    "\n  fragment SecurityAlertFields on SecurityAlert {\n    id\n    rule\n    ruleTitle\n    severity\n    actorId\n    actorRole\n    patientId\n    service\n    occurredAt\n    status\n    assigneeId\n    raisedAt\n    updatedAt\n  }\n": types.SecurityAlertFieldsFragmentDoc,
    "\n    query SecurityAlerts($filter: SecurityAlertsFilter, $first: Int) {\n      securityAlerts(filter: $filter, first: $first) { ...SecurityAlertFields }\n    }\n  ": types.SecurityAlertsDocument,
    "\n    query SecurityAlert($id: ID!) {\n      securityAlert(id: $id) {\n        ...SecurityAlertFields\n        explanation\n        evidence\n        steps { step accountId status assigneeId note at }\n      }\n    }\n  ": types.SecurityAlertDocument,
    "\n    subscription SecurityAlertRaised {\n      securityAlertRaised { ...SecurityAlertFields }\n    }\n  ": types.SecurityAlertRaisedDocument,
    "\n    mutation TriageSecurityAlert($input: TriageSecurityAlertInput!) {\n      triageSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  ": types.TriageSecurityAlertDocument,
    "\n    mutation AssignSecurityAlert($input: AssignSecurityAlertInput!) {\n      assignSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  ": types.AssignSecurityAlertDocument,
    "\n    mutation AddSecurityAlertNote($input: AddSecurityAlertNoteInput!) {\n      addSecurityAlertNote(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  ": types.AddSecurityAlertNoteDocument,
    "\n    query MonitoringRules {\n      monitoringRules { id title explanation severity enabled parameters }\n    }\n  ": types.MonitoringRulesDocument,
    "\n    query AuditRecords($filter: AuditRecordsFilter!, $first: Int, $before: ID) {\n      auditRecords(filter: $filter, first: $first, before: $before) {\n        streamId\n        service\n        seq\n        occurredAt\n        subtype\n        actorId\n        actorRole\n        patientId\n        categories\n        operation\n        requestId\n        clientAddress\n        purpose\n      }\n    }\n  ": types.AuditRecordsDocument,
    "\n  fragment ChainVerificationFields on AuditChainVerification {\n    service\n    checkedAt\n    result\n    checkedEvents\n    brokenAtSeq\n    reason\n  }\n": types.ChainVerificationFieldsFragmentDoc,
    "\n    query AuditChainStatus {\n      auditChainStatus {\n        service\n        lastSeq\n        lastPulledAt\n        lagSeconds\n        failures\n        lastErrorCode\n        halted\n        haltedReason\n        haltedAtSeq\n        lastCheckpointSeq\n        lastCheckpointAt\n        lastVerification { ...ChainVerificationFields }\n      }\n    }\n  ": types.AuditChainStatusDocument,
    "\n    mutation VerifyAuditChains($input: VerifyAuditChainsInput) {\n      verifyAuditChains(input: $input) {\n        ok\n        inputErrors { field code message }\n        results { ...ChainVerificationFields }\n      }\n    }\n  ": types.VerifyAuditChainsDocument,
    "\n    query StaffAccounts {\n      staffAccounts { id displayName role dismissedAt }\n    }\n  ": types.StaffAccountsDocument,
    "\n    query DoctorToday($from: String!, $to: String!) {\n      doctorSchedule(from: $from, to: $to) {\n        id\n        status\n        startsAt\n        endsAt\n        patientId\n        branchId\n        patient { id fullName birthDate }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  ": types.DoctorTodayDocument,
    "\n    query StaffDirectory {\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  ": types.StaffDirectoryDocument,
    "\n    query RecordAccess($patientId: ID!) {\n      recordAccess(patientId: $patientId) { patientId level breakGlassAvailable breakGlassUntil }\n    }\n  ": types.RecordAccessDocument,
    "\n    query DoctorPatient($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        birthDate\n        ageYears\n        sex\n        phone\n        email\n        insurancePolicy\n        chronicConditions\n      }\n    }\n  ": types.DoctorPatientDocument,
    "\n  fragment VisitVersionFields on VisitVersion {\n    id\n    number\n    status\n    reason\n    replacesVersionId\n    signedBy\n    signedAt\n    contentHash\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n": types.VisitVersionFieldsFragmentDoc,
    "\n  fragment VisitFields on Visit {\n    id\n    patientId\n    appointmentId\n    doctorAccountId\n    branchId\n    startedAt\n    status\n    current { ...VisitVersionFields }\n    versions { ...VisitVersionFields }\n    addenda { id text signedBy signedAt }\n  }\n": types.VisitFieldsFragmentDoc,
    "\n    query PatientVisits($patientId: ID!) {\n      visits(patientId: $patientId) { ...VisitFields }\n    }\n  ": types.PatientVisitsDocument,
    "\n  fragment VisitDraftFields on VisitDraft {\n    id\n    visitId\n    kind\n    replacesVersionId\n    revision\n    updatedAt\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n": types.VisitDraftFieldsFragmentDoc,
    "\n    query VisitWork($visitId: ID!) {\n      visit(id: $visitId) { ...VisitFields }\n      myVisitDraft(visitId: $visitId) { ...VisitDraftFields }\n    }\n  ": types.VisitWorkDocument,
    "\n    query VisitForAppointment($appointmentId: ID!) {\n      visitForAppointment(appointmentId: $appointmentId) { id patientId status }\n    }\n  ": types.VisitForAppointmentDocument,
    "\n    query Icd10Search($query: String!) {\n      icd10Search(query: $query, first: 12) { code title }\n    }\n  ": types.Icd10SearchDocument,
    "\n    mutation OpenVisit($input: OpenVisitInput!) {\n      openVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id patientId status }\n      }\n    }\n  ": types.OpenVisitDocument,
    "\n    mutation SaveVisitDraft($input: SaveVisitDraftInput!) {\n      saveVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision updatedAt diagnoses { code title kind certainty } }\n      }\n    }\n  ": types.SaveVisitDraftDocument,
    "\n    mutation SignVisit($input: SignVisitInput!) {\n      signVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id number status signedAt }\n      }\n    }\n  ": types.SignVisitDocument,
    "\n    mutation StartVisitCorrection($input: VisitRefInput!) {\n      startVisitCorrection(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision }\n      }\n    }\n  ": types.StartVisitCorrectionDocument,
    "\n    mutation DiscardVisitDraft($input: VisitRefInput!) {\n      discardVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id status }\n      }\n    }\n  ": types.DiscardVisitDraftDocument,
    "\n    mutation AddVisitAddendum($input: AddVisitAddendumInput!) {\n      addVisitAddendum(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id }\n      }\n    }\n  ": types.AddVisitAddendumDocument,
    "\n    mutation MarkVisitEnteredInError($input: MarkVisitEnteredInErrorInput!) {\n      markVisitEnteredInError(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id status }\n      }\n    }\n  ": types.MarkVisitEnteredInErrorDocument,
    "\n    mutation BreakGlass($input: BreakGlassInput!) {\n      breakGlass(input: $input) {\n        ok\n        inputErrors { field code message }\n        expiresAt\n      }\n    }\n  ": types.BreakGlassDocument,
    "\n  fragment TaxCertificateFields on TaxCertificate {\n    id\n    number\n    year\n    issuedAt\n    totalKopecks\n    sums { code kopecks }\n    fileName\n    createdAt\n  }\n": types.TaxCertificateFieldsFragmentDoc,
    "\n    query TaxCertificates($patientId: ID!) {\n      taxCertificates(patientId: $patientId) { ...TaxCertificateFields }\n    }\n  ": types.TaxCertificatesDocument,
    "\n    mutation IssueTaxCertificate($input: IssueTaxCertificateInput!) {\n      issueTaxCertificate(input: $input) {\n        ok\n        inputErrors { field code message }\n        certificate { ...TaxCertificateFields }\n      }\n    }\n  ": types.IssueTaxCertificateDocument,
    "\n    query TaxPatientName($id: ID!) {\n      patient(id: $id) { id fullName }\n    }\n  ": types.TaxPatientNameDocument,
    "\n  query TaxCertificateFiles($patientId: ID!) {\n    taxCertificates(patientId: $patientId) { id pdfUrl xmlUrl }\n  }\n": types.TaxCertificateFilesDocument,
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
export function graphql(source: "\n    query Reconciliation($branchId: ID!, $day: String!) {\n      reconciliation(branchId: $branchId, day: $day) {\n        branchId\n        day\n        registerId\n        balanced\n        checkedAt\n        ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }\n        shifts {\n          registerId\n          shiftNumber\n          open\n          openedAt\n          closedAt\n          source\n          report { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n          ledger { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n        }\n        settlement { configured available paymentsCount paymentsKopecks refundsCount refundsKopecks }\n        discrepancies {\n          code\n          message\n          paymentId\n          refundId\n          providerPaymentId\n          registerId\n          shiftNumber\n          expectedKopecks\n          actualKopecks\n        }\n      }\n    }\n  "): (typeof documents)["\n    query Reconciliation($branchId: ID!, $day: String!) {\n      reconciliation(branchId: $branchId, day: $day) {\n        branchId\n        day\n        registerId\n        balanced\n        checkedAt\n        ledger { method paymentsCount paymentsKopecks refundsCount refundsKopecks netKopecks }\n        shifts {\n          registerId\n          shiftNumber\n          open\n          openedAt\n          closedAt\n          source\n          report { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n          ledger { sellCashKopecks sellElectronicKopecks returnCashKopecks returnElectronicKopecks receiptCount }\n        }\n        settlement { configured available paymentsCount paymentsKopecks refundsCount refundsKopecks }\n        discrepancies {\n          code\n          message\n          paymentId\n          refundId\n          providerPaymentId\n          registerId\n          shiftNumber\n          expectedKopecks\n          actualKopecks\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment OneCExportStatusFields on OneCExportStatus {\n    enabled\n    fileEnabled\n    exported\n    failed\n    pending\n    lastRun { running startedAt finishedAt exported failed }\n    failures { kind id attempts lastError nextAttemptAt }\n  }\n"): (typeof documents)["\n  fragment OneCExportStatusFields on OneCExportStatus {\n    enabled\n    fileEnabled\n    exported\n    failed\n    pending\n    lastRun { running startedAt finishedAt exported failed }\n    failures { kind id attempts lastError nextAttemptAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query OneCExportStatus {\n      oneCExportStatus { ...OneCExportStatusFields }\n    }\n  "): (typeof documents)["\n    query OneCExportStatus {\n      oneCExportStatus { ...OneCExportStatusFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RunOneCExport {\n      runOneCExport {\n        ok\n        inputErrors { field code message }\n        run {\n          ran\n          reason\n          exported\n          alreadyExported\n          deferred\n          failed\n          status { ...OneCExportStatusFields }\n        }\n      }\n    }\n  "): (typeof documents)["\n    mutation RunOneCExport {\n      runOneCExport {\n        ok\n        inputErrors { field code message }\n        run {\n          ran\n          reason\n          exported\n          alreadyExported\n          deferred\n          failed\n          status { ...OneCExportStatusFields }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query EnterpriseDataExport($day: String!) {\n      enterpriseDataExport(day: $day) { day fileName xml paymentsCount refundsCount }\n    }\n  "): (typeof documents)["\n    query EnterpriseDataExport($day: String!) {\n      enterpriseDataExport(day: $day) { day fileName xml paymentsCount refundsCount }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceptionSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"): (typeof documents)["\n  mutation ReceptionSignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceptionRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"): (typeof documents)["\n  mutation ReceptionRefresh($refreshToken: String!) {\n    refreshSession(refreshToken: $refreshToken) {\n      ok\n      accessToken\n      refreshToken\n      expiresIn\n      inputErrors { field code message }\n      account { id role displayName patientId branchIds }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReceptionSignOut {\n    signOut { ok }\n  }\n"): (typeof documents)["\n  mutation ReceptionSignOut {\n    signOut { ok }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReceiptFields on Receipt {\n    id\n    paymentId\n    operation\n    totalKopecks\n    cashKopecks\n    electronicKopecks\n    customerContact\n    fiscalDocumentNumber\n    fiscalSign\n    fnNumber\n    registrationNumber\n    shiftNumber\n    receiptNumber\n    fiscalAt\n    lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n  }\n"): (typeof documents)["\n  fragment ReceiptFields on Receipt {\n    id\n    paymentId\n    operation\n    totalKopecks\n    cashKopecks\n    electronicKopecks\n    customerContact\n    fiscalDocumentNumber\n    fiscalSign\n    fnNumber\n    registrationNumber\n    shiftNumber\n    receiptNumber\n    fiscalAt\n    lines { name priceKopecks quantity amountKopecks vat paymentMethod paymentObject }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InvoiceSummaryFields on Invoice {\n    id\n    number\n    patientId\n    branchId\n    source\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n  }\n"): (typeof documents)["\n  fragment InvoiceSummaryFields on Invoice {\n    id\n    number\n    patientId\n    branchId\n    source\n    createdAt\n    totalKopecks\n    paidKopecks\n    refundedKopecks\n    balanceKopecks\n    status\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query DeskInvoice($id: ID!) {\n      invoice(id: $id) {\n        ...InvoiceSummaryFields\n        lines { lineNo priceItemId name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n        payments {\n          id\n          method\n          amountKopecks\n          status\n          statusReason\n          createdAt\n          capturedAt\n          refundedKopecks\n          refunds { id amountKopecks reason status statusReason createdAt }\n          receipts { ...ReceiptFields }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query DeskInvoice($id: ID!) {\n      invoice(id: $id) {\n        ...InvoiceSummaryFields\n        lines { lineNo priceItemId name unitPriceKopecks quantity discountKopecks discountReason amountKopecks vat }\n        payments {\n          id\n          method\n          amountKopecks\n          status\n          statusReason\n          createdAt\n          capturedAt\n          refundedKopecks\n          refunds { id amountKopecks reason status statusReason createdAt }\n          receipts { ...ReceiptFields }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PatientInvoices($patientId: ID!) {\n      invoices(patientId: $patientId) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n      }\n    }\n  "): (typeof documents)["\n    query PatientInvoices($patientId: ID!) {\n      invoices(patientId: $patientId) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BranchInvoices($branchId: ID!, $day: String!) {\n      branchInvoices(branchId: $branchId, day: $day) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n        payments { id method amountKopecks status refundedKopecks }\n      }\n    }\n  "): (typeof documents)["\n    query BranchInvoices($branchId: ID!, $day: String!) {\n      branchInvoices(branchId: $branchId, day: $day) {\n        ...InvoiceSummaryFields\n        lines { lineNo name quantity amountKopecks }\n        payments { id method amountKopecks status refundedKopecks }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query DeskPriceList($branchId: ID!, $on: String) {\n      priceList(branchId: $branchId, on: $on) { id code kind refId name priceKopecks vat validFrom validTo }\n    }\n  "): (typeof documents)["\n    query DeskPriceList($branchId: ID!, $on: String) {\n      priceList(branchId: $branchId, on: $on) { id code kind refId name priceKopecks vat validFrom validTo }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CreateDeskInvoice($input: CreateInvoiceInput!) {\n      createInvoice(input: $input) {\n        ok\n        inputErrors { field code message }\n        invoice { id number }\n      }\n    }\n  "): (typeof documents)["\n    mutation CreateDeskInvoice($input: CreateInvoiceInput!) {\n      createInvoice(input: $input) {\n        ok\n        inputErrors { field code message }\n        invoice { id number }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query DeskFiscalShift($branchId: ID!) {\n      fiscalShift(branchId: $branchId) { id registerId open shiftNumber openedAt closedAt }\n    }\n  "): (typeof documents)["\n    query DeskFiscalShift($branchId: ID!) {\n      fiscalShift(branchId: $branchId) { id registerId open shiftNumber openedAt closedAt }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation OpenFiscalShift($branchId: ID!) {\n      openFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation OpenFiscalShift($branchId: ID!) {\n      openFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CloseFiscalShift($branchId: ID!) {\n      closeFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation CloseFiscalShift($branchId: ID!) {\n      closeFiscalShift(branchId: $branchId) {\n        ok\n        inputErrors { field code message }\n        shift { id open shiftNumber openedAt closedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation TakeDeskPayment($input: TakeDeskPaymentInput!) {\n      takeDeskPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  "): (typeof documents)["\n    mutation TakeDeskPayment($input: TakeDeskPaymentInput!) {\n      takeDeskPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RetryPaymentFiscalisation($paymentId: ID!) {\n      retryPaymentFiscalisation(paymentId: $paymentId) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  "): (typeof documents)["\n    mutation RetryPaymentFiscalisation($paymentId: ID!) {\n      retryPaymentFiscalisation(paymentId: $paymentId) {\n        ok\n        inputErrors { field code message }\n        payment { id status statusReason }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RefundPayment($input: RefundPaymentInput!) {\n      refundPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        refund { id status statusReason amountKopecks }\n      }\n    }\n  "): (typeof documents)["\n    mutation RefundPayment($input: RefundPaymentInput!) {\n      refundPayment(input: $input) {\n        ok\n        inputErrors { field code message }\n        refund { id status statusReason amountKopecks }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SetPrice($input: SetPriceInput!) {\n      setPrice(input: $input) {\n        ok\n        inputErrors { field code message }\n        priceItem { id code name priceKopecks validFrom }\n      }\n    }\n  "): (typeof documents)["\n    mutation SetPrice($input: SetPriceInput!) {\n      setPrice(input: $input) {\n        ok\n        inputErrors { field code message }\n        priceItem { id code name priceKopecks validFrom }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PricedServices {\n      services { id name }\n    }\n  "): (typeof documents)["\n    query PricedServices {\n      services { id name }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query CashierPatientSearch($query: PatientSearchInput!) {\n      searchPatients(query: $query, first: 20) {\n        nodes { id fullName phone }\n      }\n    }\n  "): (typeof documents)["\n    query CashierPatientSearch($query: PatientSearchInput!) {\n      searchPatients(query: $query, first: 20) {\n        nodes { id fullName phone }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query CallList($branchId: ID!, $date: String) {\n      callList(branchId: $branchId, date: $date) {\n        reason\n        callStatus\n        calledAt\n        appointment {\n          id\n          status\n          startsAt\n          patientId\n          patient { id fullName phone }\n          specialist { id displayName }\n          service { id name }\n        }\n      }\n    }\n  "): (typeof documents)["\n    query CallList($branchId: ID!, $date: String) {\n      callList(branchId: $branchId, date: $date) {\n        reason\n        callStatus\n        calledAt\n        appointment {\n          id\n          status\n          startsAt\n          patientId\n          patient { id fullName phone }\n          specialist { id displayName }\n          service { id name }\n        }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SetCallStatus($appointmentId: ID!, $status: CallStatus!) {\n      setCallStatus(appointmentId: $appointmentId, status: $status) {\n        entry { callStatus calledAt appointment { id } }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation SetCallStatus($appointmentId: ID!, $status: CallStatus!) {\n      setCallStatus(appointmentId: $appointmentId, status: $status) {\n        entry { callStatus calledAt appointment { id } }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ReceptionMe {\n      me { id role displayName branchIds totpEnabled }\n      branches { id name address timeZone }\n    }\n  "): (typeof documents)["\n    query ReceptionMe {\n      me { id role displayName branchIds totpEnabled }\n      branches { id name address timeZone }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BranchSpecialists($branchId: ID!) {\n      specialists(filter: { branchId: $branchId }) {\n        id\n        displayName\n        specialties\n        services { id name durationMinutes }\n      }\n    }\n  "): (typeof documents)["\n    query BranchSpecialists($branchId: ID!) {\n      specialists(filter: { branchId: $branchId }) {\n        id\n        displayName\n        specialties\n        services { id name durationMinutes }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ReceptionFreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  "): (typeof documents)["\n    query ReceptionFreeSlots($input: FreeSlotsInput!) {\n      freeSlots(input: $input) {\n        specialistId\n        branchId\n        startsAt\n        endsAt\n        branch { id name timeZone }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation StartTotpEnrollment {\n      startTotpEnrollment { ok secret otpauthUri inputErrors { field code message } }\n    }\n  "): (typeof documents)["\n    mutation StartTotpEnrollment {\n      startTotpEnrollment { ok secret otpauthUri inputErrors { field code message } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ConfirmTotpEnrollment($code: String!) {\n      confirmTotpEnrollment(code: $code) { ok inputErrors { field code message } account { id totpEnabled } }\n    }\n  "): (typeof documents)["\n    mutation ConfirmTotpEnrollment($code: String!) {\n      confirmTotpEnrollment(code: $code) { ok inputErrors { field code message } account { id totpEnabled } }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContractSummaryFields on Contract {\n    id\n    number\n    status\n    date\n    createdAt\n    acceptedAt\n    acceptanceChannel\n    totalKopecks\n    services { code name quantity unitPriceKopecks amountKopecks }\n  }\n"): (typeof documents)["\n  fragment ContractSummaryFields on Contract {\n    id\n    number\n    status\n    date\n    createdAt\n    acceptedAt\n    acceptanceChannel\n    totalKopecks\n    services { code name quantity unitPriceKopecks amountKopecks }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PatientContracts($patientId: ID!) {\n      patientContracts(patientId: $patientId) { ...ContractSummaryFields }\n    }\n  "): (typeof documents)["\n    query PatientContracts($patientId: ID!) {\n      patientContracts(patientId: $patientId) { ...ContractSummaryFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CreateDeskContract($input: CreateContractInput!) {\n      createContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  "): (typeof documents)["\n    mutation CreateDeskContract($input: CreateContractInput!) {\n      createContract(input: $input) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignContractAtDesk($contractId: ID!) {\n      signContractAtDesk(contractId: $contractId) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  "): (typeof documents)["\n    mutation SignContractAtDesk($contractId: ID!) {\n      signContractAtDesk(contractId: $contractId) {\n        ok\n        inputErrors { field code message }\n        contract { ...ContractSummaryFields }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeskContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n"): (typeof documents)["\n  query DeskContractPdf($id: ID!) {\n    contract(id: $id) { id pdfUrl }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query BranchJournal($branchId: ID!, $date: String!) {\n      branchJournal(branchId: $branchId, date: $date) {\n        id\n        status\n        startsAt\n        endsAt\n        source\n        overbooked\n        cancelledLate\n        confirmedAt\n        checkedInAt\n        specialistId\n        serviceId\n        patientId\n        patient { id fullName phone }\n        service { id name }\n      }\n    }\n  "): (typeof documents)["\n    query BranchJournal($branchId: ID!, $date: String!) {\n      branchJournal(branchId: $branchId, date: $date) {\n        id\n        status\n        startsAt\n        endsAt\n        source\n        overbooked\n        cancelledLate\n        confirmedAt\n        checkedInAt\n        specialistId\n        serviceId\n        patientId\n        patient { id fullName phone }\n        service { id name }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query ReceptionAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        patientId\n        patient { id fullName phone }\n        specialist { id displayName }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  "): (typeof documents)["\n    query ReceptionAppointment($id: ID!) {\n      appointment(id: $id) {\n        id\n        status\n        startsAt\n        endsAt\n        specialistId\n        serviceId\n        branchId\n        patientId\n        patient { id fullName phone }\n        specialist { id displayName }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReceptionBook($input: BookingInput!) {\n      bookAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReceptionBook($input: BookingInput!) {\n      bookAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReceptionReschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReceptionReschedule($input: RescheduleInput!) {\n      rescheduleAppointment(input: $input) {\n        appointment { id status startsAt }\n        inputErrors { field code message }\n        alternatives { specialistId branchId startsAt endsAt branch { id name timeZone } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReceptionCancel($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReceptionCancel($input: CancelInput!) {\n      cancelAppointment(input: $input) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReceptionConfirm($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReceptionConfirm($appointmentId: ID!) {\n      confirmAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReceptionCheckIn($appointmentId: ID!) {\n      checkInAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReceptionCheckIn($appointmentId: ID!) {\n      checkInAppointment(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReceptionNoShow($appointmentId: ID!) {\n      markNoShow(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReceptionNoShow($appointmentId: ID!) {\n      markNoShow(appointmentId: $appointmentId) {\n        appointment { id status }\n        inputErrors { field code message }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReceptionAppointmentEvents($branchId: ID!) {\n    appointmentEvents(branchId: $branchId) {\n      type\n      appointmentId\n      branchId\n      occurredAt\n      appointment { id status startsAt specialistId }\n    }\n  }\n"): (typeof documents)["\n  subscription ReceptionAppointmentEvents($branchId: ID!) {\n    appointmentEvents(branchId: $branchId) {\n      type\n      appointmentId\n      branchId\n      occurredAt\n      appointment { id status startsAt specialistId }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabResultFields on LabResult {\n    id\n    testId\n    testName\n    kind\n    numeric\n    unit\n    coded\n    text\n    referenceText\n    flag\n    flagText\n    critical\n    partnerComment\n    resultedAt\n    released\n    previous { id numeric resultedAt flag }\n  }\n"): (typeof documents)["\n  fragment LabResultFields on LabResult {\n    id\n    testId\n    testName\n    kind\n    numeric\n    unit\n    coded\n    text\n    referenceText\n    flag\n    flagText\n    critical\n    partnerComment\n    resultedAt\n    released\n    previous { id numeric resultedAt flag }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabOrderFields on LabOrder {\n    id\n    patientId\n    visitId\n    priority\n    clinicalNote\n    status\n    statusReason\n    specimenCode\n    specimenType\n    partnerName\n    tests { testId code name unit resulted }\n    results { ...LabResultFields }\n    reviewComment\n    createdAt\n    collectedAt\n    sentAt\n    resultedAt\n    releasedAt\n  }\n"): (typeof documents)["\n  fragment LabOrderFields on LabOrder {\n    id\n    patientId\n    visitId\n    priority\n    clinicalNote\n    status\n    statusReason\n    specimenCode\n    specimenType\n    partnerName\n    tests { testId code name unit resulted }\n    results { ...LabResultFields }\n    reviewComment\n    createdAt\n    collectedAt\n    sentAt\n    resultedAt\n    releasedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LabTests($search: String) {\n      labTests(search: $search) { id code name specimenType unit turnaroundHours partnerName }\n    }\n  "): (typeof documents)["\n    query LabTests($search: String) {\n      labTests(search: $search) { id code name specimenType unit turnaroundHours partnerName }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LabOrdersForVisit($visitId: ID!) {\n      labOrdersForVisit(visitId: $visitId) { ...LabOrderFields }\n    }\n  "): (typeof documents)["\n    query LabOrdersForVisit($visitId: ID!) {\n      labOrdersForVisit(visitId: $visitId) { ...LabOrderFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PatientLabOrders($patientId: ID!) {\n      labOrders(patientId: $patientId) { ...LabOrderFields }\n    }\n  "): (typeof documents)["\n    query PatientLabOrders($patientId: ID!) {\n      labOrders(patientId: $patientId) { ...LabOrderFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LabOrdersToReview {\n      labOrdersToReview { ...LabOrderFields }\n    }\n  "): (typeof documents)["\n    query LabOrdersToReview {\n      labOrdersToReview { ...LabOrderFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LabPatient($id: ID!) {\n      patient(id: $id) { id fullName birthDate ageYears }\n    }\n  "): (typeof documents)["\n    query LabPatient($id: ID!) {\n      patient(id: $id) { id fullName birthDate ageYears }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation OrderLabTests($input: OrderLabTestsInput!) {\n      orderLabTests(input: $input) {\n        ok\n        inputErrors { field code message }\n        orders { id status specimenCode }\n      }\n    }\n  "): (typeof documents)["\n    mutation OrderLabTests($input: OrderLabTestsInput!) {\n      orderLabTests(input: $input) {\n        ok\n        inputErrors { field code message }\n        orders { id status specimenCode }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RecordLabSpecimenStep($input: LabSpecimenStepInput!) {\n      recordLabSpecimenStep(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status collectedAt sentAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation RecordLabSpecimenStep($input: LabSpecimenStepInput!) {\n      recordLabSpecimenStep(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status collectedAt sentAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation CancelLabOrder($input: CancelLabOrderInput!) {\n      cancelLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status statusReason }\n      }\n    }\n  "): (typeof documents)["\n    mutation CancelLabOrder($input: CancelLabOrderInput!) {\n      cancelLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status statusReason }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation ReviewLabOrder($input: ReviewLabOrderInput!) {\n      reviewLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status reviewComment releasedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation ReviewLabOrder($input: ReviewLabOrderInput!) {\n      reviewLabOrder(input: $input) {\n        ok\n        inputErrors { field code message }\n        order { id status reviewComment releasedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LabAlertFields on LabAlert {\n    id\n    patientId\n    orderId\n    flag\n    raisedAt\n    escalatedAt\n    acknowledgedAt\n    result { id testName numeric unit coded text flag flagText referenceText }\n  }\n"): (typeof documents)["\n  fragment LabAlertFields on LabAlert {\n    id\n    patientId\n    orderId\n    flag\n    raisedAt\n    escalatedAt\n    acknowledgedAt\n    result { id testName numeric unit coded text flag flagText referenceText }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query LabAlerts {\n      labAlerts { ...LabAlertFields }\n    }\n  "): (typeof documents)["\n    query LabAlerts {\n      labAlerts { ...LabAlertFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AcknowledgeLabAlert($alertId: ID!) {\n      acknowledgeLabAlert(alertId: $alertId) {\n        ok\n        inputErrors { field code message }\n        alert { id acknowledgedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation AcknowledgeLabAlert($alertId: ID!) {\n      acknowledgeLabAlert(alertId: $alertId) {\n        ok\n        inputErrors { field code message }\n        alert { id acknowledgedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ReceptionLabAlertRaised {\n    labAlertRaised { ...LabAlertFields }\n  }\n"): (typeof documents)["\n  subscription ReceptionLabAlertRaised {\n    labAlertRaised { ...LabAlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query SearchPatients($query: PatientSearchInput!, $after: String) {\n      searchPatients(query: $query, first: 20, after: $after) {\n        nodes { id fullName phone email birthDate }\n        pageInfo { endCursor hasNextPage }\n      }\n    }\n  "): (typeof documents)["\n    query SearchPatients($query: PatientSearchInput!, $after: String) {\n      searchPatients(query: $query, first: 20, after: $after) {\n        nodes { id fullName phone email birthDate }\n        pageInfo { endCursor hasNextPage }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PatientCard($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        phone\n        email\n        birthDate\n        sex\n        passport\n        snils\n        insurancePolicy\n        registrationAddress\n        homeAddress\n        workplace\n        consents { id purpose active textVersion givenAt }\n      }\n    }\n  "): (typeof documents)["\n    query PatientCard($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        phone\n        email\n        birthDate\n        sex\n        passport\n        snils\n        insurancePolicy\n        registrationAddress\n        homeAddress\n        workplace\n        consents { id purpose active textVersion givenAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation RegisterPatient($input: PatientInput!, $confirmNotDuplicate: Boolean, $idempotencyKey: String) {\n      registerPatient(input: $input, confirmNotDuplicate: $confirmNotDuplicate, idempotencyKey: $idempotencyKey) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n        duplicates { id fullName phone birthDate }\n      }\n    }\n  "): (typeof documents)["\n    mutation RegisterPatient($input: PatientInput!, $confirmNotDuplicate: Boolean, $idempotencyKey: String) {\n      registerPatient(input: $input, confirmNotDuplicate: $confirmNotDuplicate, idempotencyKey: $idempotencyKey) {\n        ok\n        inputErrors { field code message }\n        patient { id fullName }\n        duplicates { id fullName phone birthDate }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecurityAlertFields on SecurityAlert {\n    id\n    rule\n    ruleTitle\n    severity\n    actorId\n    actorRole\n    patientId\n    service\n    occurredAt\n    status\n    assigneeId\n    raisedAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment SecurityAlertFields on SecurityAlert {\n    id\n    rule\n    ruleTitle\n    severity\n    actorId\n    actorRole\n    patientId\n    service\n    occurredAt\n    status\n    assigneeId\n    raisedAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query SecurityAlerts($filter: SecurityAlertsFilter, $first: Int) {\n      securityAlerts(filter: $filter, first: $first) { ...SecurityAlertFields }\n    }\n  "): (typeof documents)["\n    query SecurityAlerts($filter: SecurityAlertsFilter, $first: Int) {\n      securityAlerts(filter: $filter, first: $first) { ...SecurityAlertFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query SecurityAlert($id: ID!) {\n      securityAlert(id: $id) {\n        ...SecurityAlertFields\n        explanation\n        evidence\n        steps { step accountId status assigneeId note at }\n      }\n    }\n  "): (typeof documents)["\n    query SecurityAlert($id: ID!) {\n      securityAlert(id: $id) {\n        ...SecurityAlertFields\n        explanation\n        evidence\n        steps { step accountId status assigneeId note at }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    subscription SecurityAlertRaised {\n      securityAlertRaised { ...SecurityAlertFields }\n    }\n  "): (typeof documents)["\n    subscription SecurityAlertRaised {\n      securityAlertRaised { ...SecurityAlertFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation TriageSecurityAlert($input: TriageSecurityAlertInput!) {\n      triageSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation TriageSecurityAlert($input: TriageSecurityAlertInput!) {\n      triageSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AssignSecurityAlert($input: AssignSecurityAlertInput!) {\n      assignSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation AssignSecurityAlert($input: AssignSecurityAlertInput!) {\n      assignSecurityAlert(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AddSecurityAlertNote($input: AddSecurityAlertNoteInput!) {\n      addSecurityAlertNote(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation AddSecurityAlertNote($input: AddSecurityAlertNoteInput!) {\n      addSecurityAlertNote(input: $input) {\n        ok\n        inputErrors { field code message }\n        alert { id status assigneeId updatedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query MonitoringRules {\n      monitoringRules { id title explanation severity enabled parameters }\n    }\n  "): (typeof documents)["\n    query MonitoringRules {\n      monitoringRules { id title explanation severity enabled parameters }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AuditRecords($filter: AuditRecordsFilter!, $first: Int, $before: ID) {\n      auditRecords(filter: $filter, first: $first, before: $before) {\n        streamId\n        service\n        seq\n        occurredAt\n        subtype\n        actorId\n        actorRole\n        patientId\n        categories\n        operation\n        requestId\n        clientAddress\n        purpose\n      }\n    }\n  "): (typeof documents)["\n    query AuditRecords($filter: AuditRecordsFilter!, $first: Int, $before: ID) {\n      auditRecords(filter: $filter, first: $first, before: $before) {\n        streamId\n        service\n        seq\n        occurredAt\n        subtype\n        actorId\n        actorRole\n        patientId\n        categories\n        operation\n        requestId\n        clientAddress\n        purpose\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChainVerificationFields on AuditChainVerification {\n    service\n    checkedAt\n    result\n    checkedEvents\n    brokenAtSeq\n    reason\n  }\n"): (typeof documents)["\n  fragment ChainVerificationFields on AuditChainVerification {\n    service\n    checkedAt\n    result\n    checkedEvents\n    brokenAtSeq\n    reason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query AuditChainStatus {\n      auditChainStatus {\n        service\n        lastSeq\n        lastPulledAt\n        lagSeconds\n        failures\n        lastErrorCode\n        halted\n        haltedReason\n        haltedAtSeq\n        lastCheckpointSeq\n        lastCheckpointAt\n        lastVerification { ...ChainVerificationFields }\n      }\n    }\n  "): (typeof documents)["\n    query AuditChainStatus {\n      auditChainStatus {\n        service\n        lastSeq\n        lastPulledAt\n        lagSeconds\n        failures\n        lastErrorCode\n        halted\n        haltedReason\n        haltedAtSeq\n        lastCheckpointSeq\n        lastCheckpointAt\n        lastVerification { ...ChainVerificationFields }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation VerifyAuditChains($input: VerifyAuditChainsInput) {\n      verifyAuditChains(input: $input) {\n        ok\n        inputErrors { field code message }\n        results { ...ChainVerificationFields }\n      }\n    }\n  "): (typeof documents)["\n    mutation VerifyAuditChains($input: VerifyAuditChainsInput) {\n      verifyAuditChains(input: $input) {\n        ok\n        inputErrors { field code message }\n        results { ...ChainVerificationFields }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query StaffAccounts {\n      staffAccounts { id displayName role dismissedAt }\n    }\n  "): (typeof documents)["\n    query StaffAccounts {\n      staffAccounts { id displayName role dismissedAt }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query DoctorToday($from: String!, $to: String!) {\n      doctorSchedule(from: $from, to: $to) {\n        id\n        status\n        startsAt\n        endsAt\n        patientId\n        branchId\n        patient { id fullName birthDate }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  "): (typeof documents)["\n    query DoctorToday($from: String!, $to: String!) {\n      doctorSchedule(from: $from, to: $to) {\n        id\n        status\n        startsAt\n        endsAt\n        patientId\n        branchId\n        patient { id fullName birthDate }\n        service { id name }\n        branch { id name timeZone }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query StaffDirectory {\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  "): (typeof documents)["\n    query StaffDirectory {\n      branches { id name timeZone }\n      specialists { id accountId displayName specialties }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query RecordAccess($patientId: ID!) {\n      recordAccess(patientId: $patientId) { patientId level breakGlassAvailable breakGlassUntil }\n    }\n  "): (typeof documents)["\n    query RecordAccess($patientId: ID!) {\n      recordAccess(patientId: $patientId) { patientId level breakGlassAvailable breakGlassUntil }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query DoctorPatient($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        birthDate\n        ageYears\n        sex\n        phone\n        email\n        insurancePolicy\n        chronicConditions\n      }\n    }\n  "): (typeof documents)["\n    query DoctorPatient($id: ID!) {\n      patient(id: $id) {\n        id\n        fullName\n        birthDate\n        ageYears\n        sex\n        phone\n        email\n        insurancePolicy\n        chronicConditions\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisitVersionFields on VisitVersion {\n    id\n    number\n    status\n    reason\n    replacesVersionId\n    signedBy\n    signedAt\n    contentHash\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n"): (typeof documents)["\n  fragment VisitVersionFields on VisitVersion {\n    id\n    number\n    status\n    reason\n    replacesVersionId\n    signedBy\n    signedAt\n    contentHash\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisitFields on Visit {\n    id\n    patientId\n    appointmentId\n    doctorAccountId\n    branchId\n    startedAt\n    status\n    current { ...VisitVersionFields }\n    versions { ...VisitVersionFields }\n    addenda { id text signedBy signedAt }\n  }\n"): (typeof documents)["\n  fragment VisitFields on Visit {\n    id\n    patientId\n    appointmentId\n    doctorAccountId\n    branchId\n    startedAt\n    status\n    current { ...VisitVersionFields }\n    versions { ...VisitVersionFields }\n    addenda { id text signedBy signedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query PatientVisits($patientId: ID!) {\n      visits(patientId: $patientId) { ...VisitFields }\n    }\n  "): (typeof documents)["\n    query PatientVisits($patientId: ID!) {\n      visits(patientId: $patientId) { ...VisitFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment VisitDraftFields on VisitDraft {\n    id\n    visitId\n    kind\n    replacesVersionId\n    revision\n    updatedAt\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n"): (typeof documents)["\n  fragment VisitDraftFields on VisitDraft {\n    id\n    visitId\n    kind\n    replacesVersionId\n    revision\n    updatedAt\n    complaints\n    anamnesis\n    examination\n    diagnoses { code title kind certainty }\n    conclusion\n    recommendations\n    prescriptions { drug form dose route frequency duration instructions }\n    referrals { kind target note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query VisitWork($visitId: ID!) {\n      visit(id: $visitId) { ...VisitFields }\n      myVisitDraft(visitId: $visitId) { ...VisitDraftFields }\n    }\n  "): (typeof documents)["\n    query VisitWork($visitId: ID!) {\n      visit(id: $visitId) { ...VisitFields }\n      myVisitDraft(visitId: $visitId) { ...VisitDraftFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query VisitForAppointment($appointmentId: ID!) {\n      visitForAppointment(appointmentId: $appointmentId) { id patientId status }\n    }\n  "): (typeof documents)["\n    query VisitForAppointment($appointmentId: ID!) {\n      visitForAppointment(appointmentId: $appointmentId) { id patientId status }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Icd10Search($query: String!) {\n      icd10Search(query: $query, first: 12) { code title }\n    }\n  "): (typeof documents)["\n    query Icd10Search($query: String!) {\n      icd10Search(query: $query, first: 12) { code title }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation OpenVisit($input: OpenVisitInput!) {\n      openVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id patientId status }\n      }\n    }\n  "): (typeof documents)["\n    mutation OpenVisit($input: OpenVisitInput!) {\n      openVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id patientId status }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SaveVisitDraft($input: SaveVisitDraftInput!) {\n      saveVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision updatedAt diagnoses { code title kind certainty } }\n      }\n    }\n  "): (typeof documents)["\n    mutation SaveVisitDraft($input: SaveVisitDraftInput!) {\n      saveVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision updatedAt diagnoses { code title kind certainty } }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SignVisit($input: SignVisitInput!) {\n      signVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id number status signedAt }\n      }\n    }\n  "): (typeof documents)["\n    mutation SignVisit($input: SignVisitInput!) {\n      signVisit(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id number status signedAt }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation StartVisitCorrection($input: VisitRefInput!) {\n      startVisitCorrection(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision }\n      }\n    }\n  "): (typeof documents)["\n    mutation StartVisitCorrection($input: VisitRefInput!) {\n      startVisitCorrection(input: $input) {\n        ok\n        inputErrors { field code message }\n        draft { id revision }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation DiscardVisitDraft($input: VisitRefInput!) {\n      discardVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id status }\n      }\n    }\n  "): (typeof documents)["\n    mutation DiscardVisitDraft($input: VisitRefInput!) {\n      discardVisitDraft(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id status }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation AddVisitAddendum($input: AddVisitAddendumInput!) {\n      addVisitAddendum(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id }\n      }\n    }\n  "): (typeof documents)["\n    mutation AddVisitAddendum($input: AddVisitAddendumInput!) {\n      addVisitAddendum(input: $input) {\n        ok\n        inputErrors { field code message }\n        visit { id }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation MarkVisitEnteredInError($input: MarkVisitEnteredInErrorInput!) {\n      markVisitEnteredInError(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id status }\n      }\n    }\n  "): (typeof documents)["\n    mutation MarkVisitEnteredInError($input: MarkVisitEnteredInErrorInput!) {\n      markVisitEnteredInError(input: $input) {\n        ok\n        inputErrors { field code message }\n        version { id status }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation BreakGlass($input: BreakGlassInput!) {\n      breakGlass(input: $input) {\n        ok\n        inputErrors { field code message }\n        expiresAt\n      }\n    }\n  "): (typeof documents)["\n    mutation BreakGlass($input: BreakGlassInput!) {\n      breakGlass(input: $input) {\n        ok\n        inputErrors { field code message }\n        expiresAt\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaxCertificateFields on TaxCertificate {\n    id\n    number\n    year\n    issuedAt\n    totalKopecks\n    sums { code kopecks }\n    fileName\n    createdAt\n  }\n"): (typeof documents)["\n  fragment TaxCertificateFields on TaxCertificate {\n    id\n    number\n    year\n    issuedAt\n    totalKopecks\n    sums { code kopecks }\n    fileName\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query TaxCertificates($patientId: ID!) {\n      taxCertificates(patientId: $patientId) { ...TaxCertificateFields }\n    }\n  "): (typeof documents)["\n    query TaxCertificates($patientId: ID!) {\n      taxCertificates(patientId: $patientId) { ...TaxCertificateFields }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation IssueTaxCertificate($input: IssueTaxCertificateInput!) {\n      issueTaxCertificate(input: $input) {\n        ok\n        inputErrors { field code message }\n        certificate { ...TaxCertificateFields }\n      }\n    }\n  "): (typeof documents)["\n    mutation IssueTaxCertificate($input: IssueTaxCertificateInput!) {\n      issueTaxCertificate(input: $input) {\n        ok\n        inputErrors { field code message }\n        certificate { ...TaxCertificateFields }\n      }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query TaxPatientName($id: ID!) {\n      patient(id: $id) { id fullName }\n    }\n  "): (typeof documents)["\n    query TaxPatientName($id: ID!) {\n      patient(id: $id) { id fullName }\n    }\n  "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaxCertificateFiles($patientId: ID!) {\n    taxCertificates(patientId: $patientId) { id pdfUrl xmlUrl }\n  }\n"): (typeof documents)["\n  query TaxCertificateFiles($patientId: ID!) {\n    taxCertificates(patientId: $patientId) { id pdfUrl xmlUrl }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;