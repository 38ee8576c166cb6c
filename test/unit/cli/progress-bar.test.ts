import { createProgressBar } from '../../../src/cli/progress-bar';

describe('createProgressBar', () => {
  const wasTty = process.stderr.isTTY;
  const ci = process.env.CI;
  afterEach(() => {
    process.stderr.isTTY = wasTty;
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
  });

  it('draws on a TTY outside CI, throttled, always drawing the last step with a newline', () => {
    process.stderr.isTTY = true;
    delete process.env.CI;
    const written: string[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { written.push(String(chunk)); return true; });
    try {
      const bar = createProgressBar(' files')!;
      for (let done = 1; done <= 50; done++) bar(done, 50);
    } finally {
      write.mockRestore();
    }
    expect(written.length).toBeGreaterThanOrEqual(2);
    expect(written.length).toBeLessThan(50);
    expect(written[0]).toBe(`\r[${'#'.repeat(1)}${'.'.repeat(29)}] 1/50 files`);
    expect(written.at(-1)).toBe(`\r[${'#'.repeat(30)}] 50/50 files\n`);
  });

  it('stays quiet in CI and when stderr is not a TTY', () => {
    process.stderr.isTTY = true;
    process.env.CI = 'true';
    expect(createProgressBar()).toBeUndefined();
    delete process.env.CI;
    process.stderr.isTTY = false;
    expect(createProgressBar()).toBeUndefined();
  });
});
