import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessDays, businessDaysAfter, isBusinessDay, isRealIsoDate, isUsFederalHoliday, parseIsoDate, usFederalHolidays, weekday,
} from '../../../main/form4/calendar.js';

/** Observed dates by name for one year. */
function observed(year: number): Record<string, string> {
  return Object.fromEntries(usFederalHolidays(year).map((holiday) => [holiday.name, holiday.observed]));
}

describe('ISO dates', () => {
  it('accepts real dates only, leap days included', () => {
    assert.deepEqual(parseIsoDate('2024-02-29'), { year: 2024, month: 2, day: 29 });
    assert.equal(isRealIsoDate('2000-02-29'), true);
    for (const bad of ['2019-02-30', '1900-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-1-5', '20230105', ' 2023-01-05', null, 20230105]) {
      assert.equal(isRealIsoDate(bad), false, String(bad));
    }
  });

  it('knows the weekday of any date, years 0-99 included', () => {
    assert.equal(weekday('1970-01-01'), 4);
    assert.equal(weekday('2000-01-01'), 6);
    assert.equal(weekday('2024-02-29'), 4);
    assert.equal(weekday('0001-01-01'), 1);
    assert.equal(weekday('0099-12-31'), 4);
  });

  it('refuses an invalid date with a RangeError', () => {
    assert.throws(() => isBusinessDay('2019-02-30'), RangeError);
  });
});

describe('US federal holidays', () => {
  it('computes every holiday of 2023', () => {
    assert.deepEqual(usFederalHolidays(2023).map((holiday) => holiday.date), [
      '2023-01-01', '2023-01-16', '2023-02-20', '2023-05-29', '2023-06-19', '2023-07-04', '2023-09-04', '2023-10-09',
      '2023-11-11', '2023-11-23', '2023-12-25',
    ]);
  });

  it('places the moving holidays on their weekday in other years', () => {
    assert.deepEqual(observed(2019), {
      "New Year's Day": '2019-01-01', 'Martin Luther King Jr. Day': '2019-01-21', "Washington's Birthday": '2019-02-18',
      'Memorial Day': '2019-05-27', 'Independence Day': '2019-07-04', 'Labor Day': '2019-09-02', 'Columbus Day': '2019-10-14',
      'Veterans Day': '2019-11-11', 'Thanksgiving Day': '2019-11-28', 'Christmas Day': '2019-12-25',
    });
    assert.equal(observed(2024)['Memorial Day'], '2024-05-27');
    assert.equal(observed(2021)['Memorial Day'], '2021-05-31');
    assert.equal(observed(2018)['Thanksgiving Day'], '2018-11-22');
    assert.equal(observed(2025)['Labor Day'], '2025-09-01');
  });

  it('adds MLK Day from 1986 and Juneteenth from 2021 only', () => {
    assert.equal(observed(1985)['Martin Luther King Jr. Day'], undefined);
    assert.equal(observed(1986)['Martin Luther King Jr. Day'], '1986-01-20');
    assert.equal(observed(2020)['Juneteenth National Independence Day'], undefined);
    assert.equal(isUsFederalHoliday('2020-06-19'), false);
    assert.equal(observed(2021)['Juneteenth National Independence Day'], '2021-06-18');
  });

  it('follows the Monday Holiday Act: fixed dates before 1971, Veterans Day in October 1971-1977', () => {
    assert.equal(observed(1970)["Washington's Birthday"], '1970-02-23');
    assert.equal(observed(1975)['Veterans Day'], '1975-10-27');
    assert.equal(observed(1978)['Veterans Day'], '1978-11-10');
  });

  it('observes a Saturday holiday on the Friday and a Sunday one on the Monday', () => {
    assert.equal(isUsFederalHoliday('2020-07-03'), true);
    assert.equal(isUsFederalHoliday('2020-07-04'), false);
    assert.equal(isUsFederalHoliday('2017-01-02'), true);
    assert.equal(isUsFederalHoliday('2022-06-20'), true);
    assert.equal(isUsFederalHoliday('2021-12-24'), true);
    assert.equal(isUsFederalHoliday('2023-11-10'), true);
  });

  it('observes New Year on December 31 of the year before when January 1 is a Saturday', () => {
    assert.equal(isUsFederalHoliday('2021-12-31'), true);
    assert.equal(isUsFederalHoliday('2022-01-01'), false);
    assert.equal(isUsFederalHoliday('2010-12-31'), true);
    assert.deepEqual(usFederalHolidays(2022)[0], { name: "New Year's Day", date: '2022-01-01', observed: '2021-12-31' });
    assert.equal(isBusinessDay('2021-12-31'), false);
  });
});

describe('business days', () => {
  it('excludes weekends and holidays', () => {
    assert.equal(isBusinessDay('2022-03-07'), true);
    assert.equal(isBusinessDay('2022-03-05'), false);
    assert.equal(isBusinessDay('2022-03-06'), false);
    assert.equal(isBusinessDay('2019-11-28'), false);
    assert.equal(isBusinessDay('2019-11-29'), true);
  });

  it('counts business days strictly after the first date up to and including the second', () => {
    assert.equal(businessDaysAfter('2022-03-07', '2022-03-07'), 0);
    assert.equal(businessDaysAfter('2022-03-07', '2022-03-09'), 2);
    assert.equal(businessDaysAfter('2022-03-04', '2022-03-07'), 1);
    assert.equal(businessDaysAfter('2022-03-05', '2022-03-06'), 0);
    assert.equal(businessDaysAfter('2022-03-09', '2022-03-07'), -2);
  });

  it('counts across a holiday weekend', () => {
    assert.equal(businessDaysAfter('2020-07-02', '2020-07-07'), 2);
    assert.equal(businessDaysAfter('2021-12-30', '2022-01-04'), 2);
    assert.equal(businessDaysAfter('2022-06-16', '2022-06-21'), 2);
    assert.equal(businessDaysAfter('2019-11-27', '2019-12-02'), 2);
  });

  it('agrees with stepping one business day at a time over years of dates', () => {
    let walked = 0;
    let day = '2015-12-20';
    for (let i = 0; i < 1200; i += 1) {
      const next = addBusinessDays(day, 1);
      walked += 1;
      assert.equal(businessDaysAfter('2015-12-20', next), walked, next);
      day = next;
    }
  });

  it('stays fast across centuries (a misread year)', () => {
    const started = performance.now();
    assert.ok(businessDaysAfter('1017-05-23', '2019-08-29') > 250_000);
    assert.ok(performance.now() - started < 1000);
  });

  it('adds business days forward and backward', () => {
    assert.equal(addBusinessDays('2020-07-02', 1), '2020-07-06');
    assert.equal(addBusinessDays('2020-07-02', 2), '2020-07-07');
    assert.equal(addBusinessDays('2021-12-30', 1), '2022-01-03');
    assert.equal(addBusinessDays('2022-01-03', -1), '2021-12-30');
    assert.equal(addBusinessDays('2022-03-05', 0), '2022-03-05');
    assert.equal(addBusinessDays('2022-03-05', 1), '2022-03-07');
    assert.throws(() => addBusinessDays('2022-03-07', 1.5), RangeError);
  });
});
