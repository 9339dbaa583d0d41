import { normalizeSearchText, stripDiacritics } from './text';

describe('normalizeSearchText', () => {
  it.each([
    ['Hà Nội', 'ha noi'],
    ['Đắk Lắk', 'dak lak'],
    ['  Hồ   Chí\tMinh \n', 'ho chi minh'],
    ['Phường Tân Bình', 'phuong tan binh'],
    ['Đặc khu Phú Quốc', 'dac khu phu quoc'],
    ['THỪA THIÊN HUẾ', 'thua thien hue'],
    ['BA ĐÌNH', 'ba dinh'],
    ['Phường Ba Đình', 'phuong ba dinh'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });

  it('gives the same result for precomposed (NFC) and decomposed (NFD) input', () => {
    const nfc = 'Quảng Ngãi'.normalize('NFC');
    const nfd = 'Quảng Ngãi'.normalize('NFD');
    expect(nfc).not.toBe(nfd);
    expect(normalizeSearchText(nfd)).toBe(normalizeSearchText(nfc));
    expect(normalizeSearchText(nfd)).toBe('quang ngai');
  });
});

describe('stripDiacritics', () => {
  it('keeps case and spacing', () => {
    expect(stripDiacritics('Phường Tân  Bình')).toBe('Phuong Tan  Binh');
    expect(stripDiacritics('Đồng Tháp, đảo')).toBe('Dong Thap, dao');
  });
});
