// The values EDGAR's rptOwnerState accepts (the enumeration in the X0304 common schema): US states and
// territories, then EDGAR's own two-character country codes, then obsolete codes EDGAR still lets through.
// The product may not read ../shared/spec at run time, so the list lives here; a unit test keeps it equal
// to the XSD's.
const CODES = [
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM',
  'NY NC ND OH OK OR PA RI SC SD TN TX X1 UT VT VA WA WV WI WY A0 A1 Z4 A2 A3 A4 A5 A6 A7 A8 A9 B0',
  'B2 Y6 B3 B4 B5 B6 B7 1A B8 B9 C1 1B 1C C3 C4 1D C5 C6 C7 C8 1F C9 D1 G6 D0 D2 D3 1E B1 D4 D5 D6',
  'D9 E0 X2 E2 E3 E4 E8 E9 F0 F2 F3 F4 F6 F7 F8 F9 G0 Y3 G1 G2 L7 1M G3 G4 2N G7 1G G9 G8 H1 H2 H3',
  'H4 1J 1H H5 H7 H6 H8 H9 I0 I3 I4 2C I5 I6 2Q 2M J0 J1 J3 J4 J5 J6 GU J8 Y7 J9 S0 K0 K1 K4 X4 K2',
  'K3 K5 K6 Y8 K7 K8 K9 L0 L2 L3 L6 L8 M0 Y9 M2 1P M3 J2 M4 M5 M6 1N M7 1R M8 M9 N0 N1 N2 1Q N4 N5',
  '1U N6 N7 N8 N9 O0 O1 1T O2 O3 O4 2P O5 1K 1S O9 P0 Z5 P1 P2 P3 E1 T6 P5 P6 P7 P8 1W Q2 Q3 Q4 Q5',
  'Q6 Q7 1V Q8 P4 R0 1Y 1X R1 R2 R4 R5 R6 R8 R9 S1 PR S3 S4 S5 1Z S6 U8 U7 U9 Z0 Z1 V0 V1 Y0 S8 S9',
  'T0 T1 Z2 T2 T8 U0 2B 2A D7 U1 T3 1L U3 F1 V2 V3 L9 V6 V7 V8 V9 F5 2D W0 W1 Z3 W2 W3 W4 W5 W6 W8',
  '2E W7 2G W9 2H C0 X0 2J X3 2K 2L X5 Q1 D8 VI X8 U5 T7 Y4 Y5 XX C2 E5 E7 G5 I7 X9 I8 I9 2F L1 L4',
  'L5 M1 O6 Q9 R3 T4 U2 U4 U6 X7 Y2',
].join(' ');

/** Blank values count as "no state" in the XSD (it lists "", " " and "  "). */
export const EDGAR_STATE_CODES: ReadonlySet<string> = new Set(['', ' ', '  ', ...CODES.split(' ')]);
