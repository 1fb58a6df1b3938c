// E2E_PORT lets a second run (say, a clean-clone CI rehearsal) sit beside a running preview. The
// suite serves one build, made with `--mode e2e` into dist-e2e/ (see playwright.config.ts).
export const port = Number(process.env.E2E_PORT || 4173);
