/* nb-date-relative.c: the dates people type for a follow-up: "tomorrow",
 * "fri", "in 2 weeks", "next week", "2026-12-01".
 *
 * The words are English on purpose: they are the capture's syntax (like
 * `#tag`), the same in every locale, so a line typed on one desktop means
 * the same on another. Messages about them are translated.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-error.h"

/* Farther than this is a typing mistake, not a follow-up. */
#define MAX_DAYS   3660
#define MAX_WEEKS  520
#define MAX_MONTHS 120

typedef enum {
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
} Unit;

static const struct {
  const char  *name;
  GDateWeekday weekday;
} weekdays[] = {
  { "monday", G_DATE_MONDAY }, { "mon", G_DATE_MONDAY },
  { "tuesday", G_DATE_TUESDAY }, { "tue", G_DATE_TUESDAY }, { "tues", G_DATE_TUESDAY },
  { "wednesday", G_DATE_WEDNESDAY }, { "wed", G_DATE_WEDNESDAY },
  { "thursday", G_DATE_THURSDAY }, { "thu", G_DATE_THURSDAY },
  { "thur", G_DATE_THURSDAY }, { "thurs", G_DATE_THURSDAY },
  { "friday", G_DATE_FRIDAY }, { "fri", G_DATE_FRIDAY },
  { "saturday", G_DATE_SATURDAY }, { "sat", G_DATE_SATURDAY },
  { "sunday", G_DATE_SUNDAY }, { "sun", G_DATE_SUNDAY },
};

static const struct {
  const char *name;
  Unit        unit;
} units[] = {
  { "day", UNIT_DAY }, { "days", UNIT_DAY }, { "d", UNIT_DAY },
  { "week", UNIT_WEEK }, { "weeks", UNIT_WEEK }, { "wk", UNIT_WEEK },
  { "wks", UNIT_WEEK }, { "w", UNIT_WEEK },
  { "month", UNIT_MONTH }, { "months", UNIT_MONTH }, { "mo", UNIT_MONTH },
  { "mos", UNIT_MONTH },
};

static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
  "nine", "ten", "eleven", "twelve",
};

static gboolean
lookup_weekday (const char   *word,
                GDateWeekday *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (weekdays); i++)
    {
      if (g_str_equal (word, weekdays[i].name))
        {
          *out = weekdays[i].weekday;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
lookup_unit (const char *word,
             Unit       *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      if (g_str_equal (word, units[i].name))
        {
          *out = units[i].unit;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_count (const char *word,
             guint      *out)
{
  guint64 value;

  if (g_str_equal (word, "a") || g_str_equal (word, "an"))
    {
      *out = 1;
      return TRUE;
    }

  for (guint i = 1; i < G_N_ELEMENTS (number_words); i++)
    {
      if (g_str_equal (word, number_words[i]))
        {
          *out = i;
          return TRUE;
        }
    }

  if (!g_ascii_string_to_unsigned (word, 10, 1, 9999, &value, NULL))
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

/* "2 weeks", "2weeks", "2w", "a week": @words are what follows "in". */
static gboolean
parse_duration (char  **words,
                guint  *out_count,
                Unit   *out_unit)
{
  guint n = g_strv_length (words);

  if (n == 2)
    return parse_count (words[0], out_count) && lookup_unit (words[1], out_unit);

  if (n == 1)
    {
      const char *p = words[0];
      g_autofree char *digits = NULL;

      while (g_ascii_isdigit (*p))
        p++;
      if (p == words[0] || *p == '\0')
        return FALSE;

      digits = g_strndup (words[0], (gsize) (p - words[0]));
      return parse_count (digits, out_count) && lookup_unit (p, out_unit);
    }

  return FALSE;
}

static guint
days_until (const GDate  *today,
            GDateWeekday  weekday)
{
  guint ahead = ((guint) weekday + 7 - (guint) g_date_get_weekday (today)) % 7;

  /* "fri" on a Friday is next week's: today needs no reminder. */
  return ahead == 0 ? 7 : ahead;
}

/* The work, on lowercase words; FALSE if they are not a date. */
static gboolean
parse_words (char         **words,
             const GDate   *today,
             GDate         *out)
{
  guint n = g_strv_length (words);
  GDateWeekday weekday;
  guint count;
  Unit unit;

  *out = *today;

  if (n == 1 && g_str_equal (words[0], "today"))
    return TRUE;

  if (n == 1 && (g_str_equal (words[0], "tomorrow") || g_str_equal (words[0], "tmrw")))
    {
      g_date_add_days (out, 1);
      return TRUE;
    }

  if (n == 1 && lookup_weekday (words[0], &weekday))
    {
      g_date_add_days (out, days_until (today, weekday));
      return TRUE;
    }

  /* The start of the next week (Monday) or month: "get back to them
   * next week" means by then. */
  if (n == 2 && g_str_equal (words[0], "next") && g_str_equal (words[1], "week"))
    {
      g_date_add_days (out, days_until (today, G_DATE_MONDAY));
      return TRUE;
    }

  if (n == 2 && g_str_equal (words[0], "next") && g_str_equal (words[1], "month"))
    {
      g_date_set_day (out, 1);
      g_date_add_months (out, 1);
      return TRUE;
    }

  if (n >= 2 && g_str_equal (words[0], "in") && parse_duration (words + 1, &count, &unit))
    {
      switch (unit)
        {
        case UNIT_DAY:
          if (count > MAX_DAYS)
            return FALSE;
          g_date_add_days (out, count);
          break;
        case UNIT_WEEK:
          if (count > MAX_WEEKS)
            return FALSE;
          g_date_add_days (out, count * 7);
          break;
        case UNIT_MONTH:
          if (count > MAX_MONTHS)
            return FALSE;
          /* GDate keeps the day, or takes the month's last one. */
          g_date_add_months (out, count);
          break;
        default:
          g_assert_not_reached ();
        }
      return g_date_valid (out) && g_date_get_year (out) <= 9999;
    }

  return FALSE;
}

/* Lowercase words split at spaces, without empty ones. */
static GStrv
split_words (const char *text)
{
  g_autofree char *lower = g_ascii_strdown (text, -1);
  g_auto(GStrv) parts = g_strsplit_set (lower, " \t", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      g_strv_builder_add (builder, parts[i]);

  return g_strv_builder_end (builder);
}

gboolean
nb_date_parse_relative (const char  *text,
                        const char  *today_iso,
                        char       **out_iso,
                        GError     **error)
{
  g_autofree char *today_owned = NULL;
  g_autofree char *trimmed = NULL;
  GDate today;
  GDate result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_iso == NULL || *out_iso == NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today_iso == NULL)
    today_iso = today_owned = nb_date_today_iso ();
  if (!nb_date_parse_iso (today_iso, &today, error))
    return FALSE;

  trimmed = g_utf8_make_valid (text, -1);
  g_strstrip (trimmed);

  if (!nb_date_parse_iso (trimmed, &result, NULL))
    {
      g_auto(GStrv) words = split_words (trimmed);

      /* Dates stay YYYY-MM-DD: "tomorrow" on 9999-12-31 is no date. */
      if (words[0] == NULL || !parse_words (words, &today, &result) ||
          !g_date_valid (&result) || g_date_get_year (&result) > 9999)
        {
          g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                       /* Translators: %s is what the user typed after “!”. Keep
                        * the examples in English: they are the syntax. */
                       _("“%s” is not a date Netbook understands: try today, tomorrow, fri, in 2 weeks, next week or 2026-12-01"),
                       trimmed);
          return FALSE;
        }
    }

  if (out_iso != NULL)
    *out_iso = nb_date_to_iso (&result);
  return TRUE;
}
