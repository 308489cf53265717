import { describe, expect, it } from 'vitest';
import { passesOn } from '../../src/extraction/ocr/thread.messages.ts';

describe('OCR thread messages', () => {
  it('keeps per-word progress reports in the thread and passes results and errors on', () => {
    const base = { jobId: 'Job-1', workerId: 'Worker-1', action: 'recognize' };
    expect(passesOn({ ...base, status: 'progress', data: { status: 'recognizing text', progress: 0.4 } })).toBe(false);
    expect(passesOn({ ...base, status: 'resolve', data: { blocks: [] } })).toBe(true);
    expect(passesOn({ ...base, status: 'reject', data: 'Error attempting to read image.' })).toBe(true);
    expect(passesOn({ ...base, action: 'load', status: 'resolve', data: { loaded: true } })).toBe(true);
  });
});
