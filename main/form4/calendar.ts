// US business days, for the two-business-day Form 4 deadline. Dates are ISO strings (YYYY-MM-DD) and
// all arithmetic is on whole day numbers, never on Date objects: a Date built from a date-only string
// is UTC while its getters are local, and Date.UTC maps years 0-99 to 1900-1999, both classic
// off-by-one-day traps. Federal holidays are computed from the statutes (5 U.S.C. 6103) for any year,
// so the calendar never runs out.

export interface CivilDate {
  year: number;
  /** 1-12 */
  month: number;
  /** 1-31 */
  day: number;
}

export interface UsFederalHoliday {
  name: string;
  /** The date the statute names. */
  date: string;
  /** The day federal offices close for it: Saturday holidays move to Friday, Sunday ones to Monday. */
  observed: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const FRIDAY = 5;
const SATURDAY = 6;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** The date an ISO string names, or null when it is not YYYY-MM-DD or not a real calendar date. */
export function parseIsoDate(value: unknown): CivilDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a YYYY-MM-DD string that names a real calendar date (so not 2019-02-30). */
export function isRealIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}

export function formatIsoDate({ year, month, day }: CivilDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil). */
function dayNumber({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** 0 = Sunday ... 6 = Saturday; day 0 (1970-01-01) was a Thursday. */
function weekdayOfDay(days: number): number {
  return (((days + THURSDAY) % 7) + 7) % 7;
}

function requireDay(iso: string): number {
  const date = parseIsoDate(iso);
  if (!date) throw new RangeError(`not a real date as YYYY-MM-DD: ${JSON.stringify(iso)}`);
  return dayNumber(date);
}

/** 0 = Sunday ... 6 = Saturday. Throws a RangeError when `iso` is not a real YYYY-MM-DD date. */
export function weekday(iso: string): number {
  return weekdayOfDay(requireDay(iso));
}

/** The n-th (1-based) given weekday of a month. */
function nthWeekday(year: number, month: number, weekdayWanted: number, n: number): number {
  const first = dayNumber({ year, month, day: 1 });
  return first + ((weekdayWanted - weekdayOfDay(first) + 7) % 7) + (n - 1) * 7;
}

function lastWeekday(year: number, month: number, weekdayWanted: number): number {
  const last = dayNumber({ year, month, day: daysInMonth(year, month) });
  return last - ((weekdayOfDay(last) - weekdayWanted + 7) % 7);
}

function observedDay(days: number): number {
  const day = weekdayOfDay(days);
  if (day === SATURDAY) return days - 1;
  if (day === SUNDAY) return days + 1;
  return days;
}

interface HolidayDays {
  name: string;
  date: number;
  observed: number;
}

/** The holidays of a year as day numbers, so that years past 9999 never pass through a string. */
function holidayDays(year: number): HolidayDays[] {
  const mondayAct = year >= 1971;
  const fixed = (month: number, day: number): number => dayNumber({ year, month, day });
  const holidays: Array<[string, number]> = [
    ["New Year's Day", fixed(1, 1)],
    ...(year >= 1986 ? [['Martin Luther King Jr. Day', nthWeekday(year, 1, MONDAY, 3)] as [string, number]] : []),
    ["Washington's Birthday", mondayAct ? nthWeekday(year, 2, MONDAY, 3) : fixed(2, 22)],
    ['Memorial Day', mondayAct ? lastWeekday(year, 5, MONDAY) : fixed(5, 30)],
    ...(year >= 2021 ? [['Juneteenth National Independence Day', fixed(6, 19)] as [string, number]] : []),
    ['Independence Day', fixed(7, 4)],
    ['Labor Day', nthWeekday(year, 9, MONDAY, 1)],
    ['Columbus Day', mondayAct ? nthWeekday(year, 10, MONDAY, 2) : fixed(10, 12)],
    ['Veterans Day', mondayAct && year <= 1977 ? nthWeekday(year, 10, MONDAY, 4) : fixed(11, 11)],
    ['Thanksgiving Day', nthWeekday(year, 11, THURSDAY, 4)],
    ['Christmas Day', fixed(12, 25)],
  ];
  return holidays.map(([name, date]) => ({ name, date, observed: observedDay(date) }));
}

/**
 * The federal holidays of a year. MLK Day counts from 1986 and Juneteenth from 2021, when they became
 * holidays; before 1971 (Uniform Monday Holiday Act) Washington's Birthday, Memorial Day and Columbus
 * Day kept their fixed dates, and from 1971 to 1977 Veterans Day was the fourth Monday of October.
 * The observed New Year's Day of a year that starts on a Saturday is December 31 of the year before.
 */
export function usFederalHolidays(year: number): UsFederalHoliday[] {
  return holidayDays(year).map(({ name, date, observed }) => ({
    name,
    date: formatIsoDate(civilDate(date)),
    observed: formatIsoDate(civilDate(observed)),
  }));
}

const observedDaysByYear = new Map<number, ReadonlySet<number>>();

/** Day numbers federal offices close within a calendar year (a memo: the result depends on the year only). */
function observedHolidayDays(year: number): ReadonlySet<number> {
  let days = observedDaysByYear.get(year);
  if (!days) {
    days = new Set(
      [...holidayDays(year), ...holidayDays(year + 1)]
        .map((holiday) => holiday.observed)
        .filter((day) => civilDate(day).year === year),
    );
    observedDaysByYear.set(year, days);
  }
  return days;
}

function isHolidayDay(days: number): boolean {
  return observedHolidayDays(civilDate(days).year).has(days);
}

function isBusinessDayNumber(days: number): boolean {
  const day = weekdayOfDay(days);
  return day >= MONDAY && day <= FRIDAY && !isHolidayDay(days);
}

/**
 * True when federal offices close on `iso` for a holiday: the observed day, so 2021-12-31 (for New
 * Year's Day 2022, a Saturday) is one and 2022-01-01 is not. Throws a RangeError on an invalid date.
 */
export function isUsFederalHoliday(iso: string): boolean {
  return isHolidayDay(requireDay(iso));
}

/** A weekday that is not an observed federal holiday. Throws a RangeError on an invalid date. */
export function isBusinessDay(iso: string): boolean {
  return isBusinessDayNumber(requireDay(iso));
}

/** Weekdays among day numbers up to and including `days`, counted from an arbitrary Monday. */
function weekdaysThrough(days: number): number {
  const mondayBefore1970 = -3;
  const count = days - mondayBefore1970 + 1;
  const weeks = Math.floor(count / 7);
  return weeks * 5 + Math.min(count - weeks * 7, 5);
}

/**
 * Business days strictly after `fromIso` up to and including `toIso`: a Monday transaction signed on
 * the Wednesday is 2. Negative when `toIso` is before `fromIso` (the same count, the other way), 0 on
 * the same day. Counts weekdays arithmetically and subtracts holidays year by year, so a date misread
 * by centuries costs a few hundred holiday computations, not a walk over every day.
 */
export function businessDaysAfter(fromIso: string, toIso: string): number {
  const from = requireDay(fromIso);
  const to = requireDay(toIso);
  if (to < from) return -businessDaysAfter(toIso, fromIso);
  let holidays = 0;
  for (let year = civilDate(from).year; year <= civilDate(to).year; year += 1) {
    for (const day of observedHolidayDays(year)) {
      if (day > from && day <= to) holidays += 1;
    }
  }
  return weekdaysThrough(to) - weekdaysThrough(from) - holidays;
}

/**
 * The business day `n` business days after `iso` (before it when `n` is negative): a filing deadline is
 * addBusinessDays(transactionDate, 2). `n` = 0 returns `iso` unchanged even when it is not a business day.
 */
export function addBusinessDays(iso: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not a whole number of business days: ${n}`);
  let days = requireDay(iso);
  const step = n < 0 ? -1 : 1;
  for (let remaining = Math.abs(n); remaining > 0; ) {
    days += step;
    if (isBusinessDayNumber(days)) remaining -= 1;
  }
  return formatIsoDate(civilDate(days));
}
