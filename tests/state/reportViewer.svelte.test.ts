import { tableFromArrays } from 'apache-arrow';
import { describe, expect, test } from 'vitest';
import { ReportViewer } from '../../src/state/reportViewer.svelte.ts';
import { FakeReader, settle } from './fakes.ts';

const empty = () => tableFromArrays({ x: [] as string[] });
/** A reader whose report rows wait for the test; everything else answers at once (empty). */
const setup = () => {
  const reader = new FakeReader([[/FROM (texts|sections|cells|checks|facts|labels)/, empty]]);
  return { reader, viewer: new ReportViewer(() => reader) };
};
const report = (id: string, title: string) => tableFromArrays({ report_id: [id], title: [title], format: ['gov_2021'] });

describe('ReportViewer(reader)', () => {
  test('opening a second report before the first arrives shows the second only', async () => {
    const { reader, viewer } = setup();
    const a = viewer.open('aaaaaaaaaaaaaaaa');
    const b = viewer.open('bbbbbbbbbbbbbbbb');
    await settle();
    reader.reads.last("'bbbbbbbbbbbbbbbb'").resolve(report('bbbbbbbbbbbbbbbb', 'B'));
    await b;
    reader.reads.last("'aaaaaaaaaaaaaaaa'").resolve(report('aaaaaaaaaaaaaaaa', 'A'));
    await a;
    expect(viewer.data?.report.title).toBe('B');
    expect(viewer.reportId).toBe('bbbbbbbbbbbbbbbb');
    expect(viewer.loading).toBe(false);
    expect(reader.ensured).toContain('texts');
  });

  test('a report that is not there is an error, not a stale report; a superseded failure is never shown', async () => {
    const { reader, viewer } = setup();
    const a = viewer.open('aaaaaaaaaaaaaaaa');
    await settle();
    reader.reads.last().resolve(report('aaaaaaaaaaaaaaaa', 'A'));
    await a;
    const missing = viewer.open('cccccccccccccccc');
    const b = viewer.open('bbbbbbbbbbbbbbbb');
    await settle();
    reader.reads.last("'cccccccccccccccc'").resolve(empty());
    await missing;
    expect(viewer.error).toBeNull();
    reader.reads.last("'bbbbbbbbbbbbbbbb'").resolve(empty());
    await b;
    expect(viewer.error).toMatch(/not found/);
    expect(viewer.data).toBeNull();
  });

  test('close() drops a report still loading', async () => {
    const { reader, viewer } = setup();
    const a = viewer.open('aaaaaaaaaaaaaaaa');
    await settle();
    viewer.close();
    reader.reads.last().resolve(report('aaaaaaaaaaaaaaaa', 'A'));
    await a;
    expect(viewer.data).toBeNull();
    expect(viewer.loading).toBe(false);
  });

  test('a link restores only a report id it can trust', () => {
    const { viewer } = setup();
    viewer.restore("x' OR 1=1");
    expect(viewer.reportId).toBeNull();
  });
});
