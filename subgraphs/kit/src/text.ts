/**
 * Removes Vietnamese diacritics but keeps letter case: `"Phường Tân Bình"` → `"Phuong Tan Binh"`.
 * `đ`/`Đ` are separate letters in Unicode, not `d` plus a combining mark, so NFD alone would
 * leave them; they are mapped by hand.
 */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/**
 * The form names are compared in when searching: lowercase, without diacritics, `đ` → `d`,
 * runs of whitespace collapsed to one space, trimmed. `"Hà Nội"` → `"ha noi"`,
 * `"  Đắk   Lắk "` → `"dak lak"`. Input may be NFC or NFD (precomposed or combining marks);
 * both give the same result, so a user typing on any keyboard finds the same places.
 */
export function normalizeSearchText(s: string): string {
  return stripDiacritics(s).toLowerCase().replace(/\s+/g, ' ').trim();
}
