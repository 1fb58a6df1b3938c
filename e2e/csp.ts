import type { BrowserContext } from '@playwright/test';

/** What a `securitypolicyviolation` event says, reduced to what identifies one blocked action. */
export interface CspReport {
  page: string;
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
  sample: string;
  disposition: string;
  /** Milliseconds since the page's time origin, to group one action's reports. */
  at: number;
}

/** One blocked action, and how many policies reported it (the header and the meta tag each do). */
export interface CspViolation extends Omit<CspReport, 'at'> {
  policies: number;
}

const bindingName = '__stancegraphCspReport';

/**
 * Installed in every document before its own scripts run. Listening in the capture phase on the
 * document sees violations from every element, and the binding hands them to the test runner
 * at once, so a violation is recorded even if the page navigates or closes right after.
 */
function listen(binding: string) {
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const report = (window as unknown as Record<string, (r: unknown) => void>)[binding];
      report?.({
        page: e.documentURI,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        column: e.columnNumber,
        sample: e.sample,
        disposition: e.disposition,
        at: e.timeStamp,
      });
    },
    true,
  );
}

const sameAction = (a: CspReport, b: CspReport) =>
  a.page === b.page &&
  a.directive === b.directive &&
  a.blocked === b.blocked &&
  a.source === b.source &&
  a.line === b.line &&
  a.column === b.column &&
  a.sample === b.sample &&
  Math.abs(a.at - b.at) < 50;

/**
 * Records Content-Security-Policy violations in browser contexts. The built page is served with
 * the policy twice (HTTP header and <meta>), and the browser reports a blocked action once per
 * policy; identical reports a moment apart are therefore counted as one violation.
 */
export class CspRecorder {
  private reports: CspReport[] = [];
  /** Console lines about the policy, which also come from workers, where no event reaches us. */
  private consoleLines: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  async watch(context: BrowserContext) {
    this.contexts.push(context);
    await context.exposeBinding(bindingName, (_source, report: CspReport) => {
      this.reports.push(report);
    });
    await context.addInitScript(listen, bindingName);
    context.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) this.consoleLines.push(msg.text());
    });
  }

  /** Waits until every open page has handed over what it reported so far. */
  async settle() {
    for (const context of this.contexts)
      for (const page of context.pages())
        if (!page.isClosed()) await page.evaluate(() => new Promise((r) => setTimeout(r, 0))).catch(() => undefined);
  }

  violations(): CspViolation[] {
    const out: (CspViolation & { at: number })[] = [];
    for (const report of this.reports) {
      const same = out.find((v) => sameAction(v, report));
      if (same) same.policies += 1;
      else out.push({ ...report, policies: 1 });
    }
    return out.map(({ at: _at, ...v }) => v);
  }

  console(): string[] {
    return [...this.consoleLines];
  }

  /** Hands over everything recorded so far and forgets it (for a test that provokes a violation). */
  async take(): Promise<{ violations: CspViolation[]; console: string[] }> {
    await this.settle();
    const taken = { violations: this.violations(), console: this.console() };
    this.reports = [];
    this.consoleLines = [];
    return taken;
  }
}
