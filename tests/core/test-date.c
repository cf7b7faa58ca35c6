/* test-date.c: strict ISO dates, "today" and relative formatting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nb-date.h"
#include "nb-error.h"

static void
test_parse_valid (void)
{
  static const char * const valid[] = {
    "2024-02-29", "1000-01-01", "9999-12-31", "2026-12-01", "2000-02-29",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *back = NULL;
      GDate date;

      g_date_clear (&date, 1);
      g_assert_true (nb_date_parse_iso (valid[i], &date, &error));
      g_assert_no_error (error);
      g_assert_true (nb_date_is_valid_iso (valid[i]));

      back = nb_date_to_iso (&date);
      g_assert_cmpstr (back, ==, valid[i]);
    }

  /* @out is optional */
  g_assert_true (nb_date_parse_iso ("2024-05-02", NULL, NULL));
}

static void
test_parse_invalid (void)
{
  static const char * const invalid[] = {
    "2024-02-30", "2023-02-29", "1900-02-29", "2024-04-31", "2024-13-01",
    "2024-00-10", "2024-01-00", "0999-12-31", "2024-1-01", "24-01-01",
    "2024/01/01", "2024-01-01 ", " 2024-01-01", "2024-01-01T00:00",
    "+024-01-01", "2024-0a-01", "２０２４-01-01", "", "today",
  };

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (nb_date_is_valid_iso (invalid[i]));
      g_assert_false (nb_date_parse_iso (invalid[i], NULL, &error));
      g_assert_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID);
    }

  g_assert_false (nb_date_is_valid_iso (NULL));
}

static void
test_parse_error_message (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (nb_date_parse_iso ("2024-02-30", NULL, &error));
  g_assert_cmpstr (error->message, ==,
                   "“2024-02-30” is not a valid date; use YYYY-MM-DD, for example 2026-12-01");
  g_clear_error (&error);

  /* Garbage input still gives a printable message. */
  g_assert_false (nb_date_parse_iso ("\xff\xfe", NULL, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_to_iso_padding (void)
{
  g_autofree char *iso = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 3, G_DATE_FEBRUARY, 1001);
  iso = nb_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, "1001-02-03");
}

static void
test_today_override (void)
{
  g_autofree char *today = NULL;
  GDate date;

  g_setenv ("NETBOOK_TODAY", "2024-02-29", TRUE);
  today = nb_date_today_iso ();
  g_assert_cmpstr (today, ==, "2024-02-29");

  g_date_clear (&date, 1);
  nb_date_today (&date);
  g_assert_cmpint (g_date_get_day (&date), ==, 29);
  g_assert_cmpint (g_date_get_month (&date), ==, G_DATE_FEBRUARY);

  g_unsetenv ("NETBOOK_TODAY");
  g_clear_pointer (&today, g_free);
  today = nb_date_today_iso ();
  g_assert_true (nb_date_is_valid_iso (today));
}

static void
test_days_between (void)
{
  g_assert_cmpint (nb_date_days_between ("2024-01-01", "2024-01-01"), ==, 0);
  g_assert_cmpint (nb_date_days_between ("2024-01-01", "2024-01-31"), ==, 30);
  g_assert_cmpint (nb_date_days_between ("2024-01-31", "2024-01-01"), ==, -30);
  g_assert_cmpint (nb_date_days_between ("2024-02-28", "2024-03-01"), ==, 2);
  g_assert_cmpint (nb_date_days_between ("2023-02-28", "2023-03-01"), ==, 1);
  g_assert_cmpint (nb_date_days_between ("2023-01-01", "2024-01-01"), ==, 365);
  g_assert_cmpint (nb_date_days_between ("2024-01-01", "2025-01-01"), ==, 366);
  g_assert_cmpint (nb_date_days_between ("2024-02-30", "2024-03-01"), ==, 0);
  g_assert_cmpint (nb_date_days_between (NULL, "2024-03-01"), ==, 0);
}

static void
test_format_relative (void)
{
  static const struct {
    const char *date;
    const char *expected;
  } cases[] = {
    { "2024-06-15", "today" },
    { "2024-06-14", "yesterday" },
    { "2024-06-16", "tomorrow" },
    { "2024-06-12", "3 days ago" },
    { "2024-06-18", "in 3 days" },
    { "2024-06-02", "13 days ago" },
    { "2024-06-01", "2 weeks ago" },
    { "2024-06-29", "in 2 weeks" },
    { "2024-05-25", "3 weeks ago" },
    { "2024-04-17", "8 weeks ago" },
    { "2024-04-16", "2 months ago" },
    { "2024-01-15", "5 months ago" },
    { "2024-12-15", "in 6 months" },
    { "2023-06-20", "12 months ago" },
    { "2023-06-15", "1 year ago" },
    { "2022-06-15", "2 years ago" },
    { "2026-06-15", "in 2 years" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = nb_date_format_relative (cases[i].date, "2024-06-15");

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_format_relative_invalid (void)
{
  g_autofree char *text = nb_date_format_relative ("someday", "2024-06-15");

  g_assert_cmpstr (text, ==, "someday");
}

static void
test_format_long (void)
{
  g_autofree char *text = nb_date_format_long ("2024-05-02");
  g_autofree char *bad = nb_date_format_long ("2024-02-30");

  /* The tests run in C.UTF-8. */
  g_assert_cmpstr (text, ==, "2 May 2024");
  g_assert_cmpstr (bad, ==, "2024-02-30");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/parse/valid", test_parse_valid);
  g_test_add_func ("/date/parse/invalid", test_parse_invalid);
  g_test_add_func ("/date/parse/error-message", test_parse_error_message);
  g_test_add_func ("/date/to-iso/padding", test_to_iso_padding);
  g_test_add_func ("/date/today/override", test_today_override);
  g_test_add_func ("/date/days-between", test_days_between);
  g_test_add_func ("/date/relative", test_format_relative);
  g_test_add_func ("/date/relative/invalid", test_format_relative_invalid);
  g_test_add_func ("/date/long", test_format_long);

  return g_test_run ();
}
