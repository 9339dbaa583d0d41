/**
 * The tile map's grid: every province's row and column, placed by hand roughly where it lies
 * (north at the top, the sea to the east). A grid cartogram: every province gets one equal tile,
 * whatever its area, so small cities stay visible. 15 rows × 5 columns.
 */
export const TILE_POSITIONS: Readonly<Record<string, { row: number; col: number; short?: string }>> = {
  // Northern midlands and mountains, Red River Delta
  '12': { row: 0, col: 1 }, // Lai Châu
  '15': { row: 0, col: 2 }, // Lào Cai
  '08': { row: 0, col: 3 }, // Tuyên Quang
  '04': { row: 0, col: 4 }, // Cao Bằng
  '11': { row: 1, col: 0 }, // Điện Biên
  '14': { row: 1, col: 1 }, // Sơn La
  '25': { row: 1, col: 2 }, // Phú Thọ
  '19': { row: 1, col: 3 }, // Thái Nguyên
  '20': { row: 1, col: 4 }, // Lạng Sơn
  '01': { row: 2, col: 2 }, // Hà Nội
  '24': { row: 2, col: 3 }, // Bắc Ninh
  '22': { row: 2, col: 4 }, // Quảng Ninh
  '37': { row: 3, col: 2 }, // Ninh Bình
  '33': { row: 3, col: 3 }, // Hưng Yên
  '31': { row: 3, col: 4 }, // Hải Phòng
  // North Central and Central Coast
  '38': { row: 4, col: 2 }, // Thanh Hóa
  '40': { row: 5, col: 2 }, // Nghệ An
  '42': { row: 5, col: 3 }, // Hà Tĩnh
  '44': { row: 6, col: 3 }, // Quảng Trị
  '46': { row: 7, col: 3 }, // Huế
  '48': { row: 7, col: 4 }, // Đà Nẵng
  '51': { row: 8, col: 4 }, // Quảng Ngãi
  // Central Highlands and the south-central coast
  '52': { row: 9, col: 4 }, // Gia Lai
  '66': { row: 10, col: 4 }, // Đắk Lắk
  '68': { row: 11, col: 3 }, // Lâm Đồng
  '56': { row: 11, col: 4 }, // Khánh Hòa
  // Southeast
  '80': { row: 12, col: 1 }, // Tây Ninh
  '79': { row: 12, col: 2, short: 'TP HCM' }, // Hồ Chí Minh
  '75': { row: 12, col: 3 }, // Đồng Nai
  // Mekong Delta
  '91': { row: 13, col: 0 }, // An Giang
  '82': { row: 13, col: 1 }, // Đồng Tháp
  '86': { row: 13, col: 2 }, // Vĩnh Long
  '96': { row: 14, col: 0 }, // Cà Mau
  '92': { row: 14, col: 1 }, // Cần Thơ
};

export const GRID_ROWS = 15;
export const GRID_COLUMNS = 5;
