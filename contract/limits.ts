/** Length limits for text fields, shared by server validation and client forms (counted in characters). */
export const LIMITS = {
  personName: 40,
  firmName: 80,
  licenseNo: 32,
  phone: 20,
  caseTitle: 80,
  caseNumber: 64,
  court: 80,
  opposingParty: 120,
  updateTitle: 80,
  updateBody: 5000,
  updateNextSteps: 1000,
  updateRisks: 1000,
  correctionReason: 300,
  inviteCode: 64,
  pageSize: 50,
} as const;
