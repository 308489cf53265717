import { describe, expect, it } from 'vitest';
import type { PageWord } from '../../src/extraction/pdf/page.types.ts';
import { needsOcr } from '../../src/extraction/pdf/text-layer.ts';

const words = (texts: string[]): PageWord[] =>
  texts.map((text, i) => ({ text, x0: 10, x1: 10 + text.length * 5, y0: i * 12, y1: i * 12 + 10, conf: 1 }));

const latin = [
  'Account No. M-880-21745',
  'Net Equity 1,193,483.55',
  'Maintenance Margin Requirement 1,038,320.00',
  'Margin Surplus/(Shortfall) 155,163.55',
];

describe('whether a text layer must be read from the picture', () => {
  it('keeps a bilingual Chinese, Japanese or Korean statement on its text layer', () => {
    const hk = [
      '戶口號碼 A/C No. M-880-21745',
      '戶口淨值 Net Equity 1,193,483.55',
      '維持保證金要求 Maintenance Margin 1,038,320.00',
    ];
    const jp = [
      '口座番号 Account No.: 045-9920813',
      '建玉評価損益 Unrealized P/L △1,124,500',
      '受入保証金（実質） Net Margin Deposit 7,915,500',
    ];
    const kr = [
      '계좌번호 Account 7712-0045',
      '예탁총액 Total Deposit 1,250,000,000',
      '유지증거금 Maintenance Margin 380,000,000',
    ];
    const notice = {
      hk: '若孖展比率超過百分之七十，本公司有權在不作通知下平倉。本結單如有錯漏，請於七天內通知本公司。',
      jp: '本書面は信用取引の保証金状況をお知らせするものです。追加保証金が発生した場合は期日までにご入金ください。',
      kr: '본 계좌의 유지증거금이 부족한 경우 추가증거금을 납부하셔야 합니다. 문의사항은 고객센터로 연락하십시오.',
    };
    expect(needsOcr(words([...hk, notice.hk, notice.hk, ...latin]))).toBe(false);
    expect(needsOcr(words([...jp, notice.jp, notice.jp, ...latin]))).toBe(false);
    expect(needsOcr(words([...kr, notice.kr, notice.kr, ...latin]))).toBe(false);
  });

  it('still sends a garbled layer to OCR: control, private-use and replacement characters are not text', () => {
    const garbage = latin.map((l) => l.replace(/[a-z]/g, '\uE001').replace(/[0-9]/g, '\u0003'));
    expect(needsOcr(words([...garbage, ...garbage, 'Page 1 of 1 statement date 04/12/2026']))).toBe(true);
  });
});
