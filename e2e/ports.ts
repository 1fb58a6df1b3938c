// E2E_PORT lets a second run (say, a clean-clone CI rehearsal) sit beside a running preview.
export const port = Number(process.env.E2E_PORT || 4173);
// The error-containment spec needs a build that holds the test-only fault switch, which the
// production build in dist/ must not: it is built into dist-e2e/ and served on this port.
export const faultPort = Number(process.env.E2E_FAULT_PORT || port + 20);
