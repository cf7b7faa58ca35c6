/* nb-date.c: calendar dates as Netbook stores them ("YYYY-MM-DD").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "nb-date.h"
#include "nb-error.h"

static gboolean
parse_digits (const char *str,
              guint       n_digits,
              guint      *out)
{
  guint value = 0;

  for (guint i = 0; i < n_digits; i++)
    {
      /* g_ascii_isdigit, not isdigit: locale digits must not sneak in. */
      if (!g_ascii_isdigit (str[i]))
        return FALSE;
      value = value * 10 + (guint) (str[i] - '0');
    }

  *out = value;
  return TRUE;
}

static gboolean
parse_iso (const char *str,
           GDate      *out)
{
  guint year, month, day;

  if (str == NULL || strlen (str) != 10 || str[4] != '-' || str[7] != '-')
    return FALSE;

  if (!parse_digits (str, 4, &year) ||
      !parse_digits (str + 5, 2, &month) ||
      !parse_digits (str + 8, 2, &day))
    return FALSE;

  if (year < 1000 || year > 9999)
    return FALSE;

  if (month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (out != NULL)
    g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

gboolean
nb_date_parse_iso (const char  *str,
                   GDate       *out,
                   GError     **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!parse_iso (str, out))
    {
      /* The message quotes what the user typed, so it must be printable
       * even if they pasted garbage. */
      g_autofree char *quoted = g_utf8_make_valid (str != NULL ? str : "", -1);

      g_set_error (error, NB_STORE_ERROR, NB_STORE_ERROR_INVALID,
                   /* Translators: %s is the text the user typed */
                   _("“%s” is not a valid date; use YYYY-MM-DD, for example 2026-12-01"),
                   quoted);
      return FALSE;
    }

  return TRUE;
}

gboolean
nb_date_is_valid_iso (const char *str)
{
  return parse_iso (str, NULL);
}

char *
nb_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

void
nb_date_today (GDate *out)
{
  const char *override;
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (out != NULL);

  override = g_getenv ("NETBOOK_TODAY");
  if (override != NULL && *override != '\0')
    {
      if (parse_iso (override, out))
        return;

      g_warning_once ("NETBOOK_TODAY=%s is not a YYYY-MM-DD date; ignoring it", override);
    }

  now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out,
                  (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

char *
nb_date_today_iso (void)
{
  GDate today;

  g_date_clear (&today, 1);
  nb_date_today (&today);

  return nb_date_to_iso (&today);
}

int
nb_date_days_between (const char *from_iso,
                      const char *to_iso)
{
  GDate from, to;

  g_date_clear (&from, 1);
  g_date_clear (&to, 1);

  if (!parse_iso (from_iso, &from) || !parse_iso (to_iso, &to))
    return 0;

  return g_date_days_between (&from, &to);
}

char *
nb_date_format_relative (const char *date_iso,
                         const char *today_iso)
{
  int days;
  guint n;
  gboolean past;

  g_return_val_if_fail (date_iso != NULL, NULL);
  g_return_val_if_fail (today_iso != NULL, NULL);

  /* Nothing sensible to say about a date we cannot read: show it as is,
   * as text. */
  if (!nb_date_is_valid_iso (date_iso) || !nb_date_is_valid_iso (today_iso))
    return g_utf8_make_valid (date_iso, -1);

  days = nb_date_days_between (today_iso, date_iso);
  past = days < 0;
  n = (guint) ABS (days);

  if (days == 0)
    return g_strdup (_("today"));
  if (days == -1)
    return g_strdup (_("yesterday"));
  if (days == 1)
    return g_strdup (_("tomorrow"));

  /* Coarser units as the distance grows: nobody thinks of "47 days ago",
   * they think "7 weeks ago". */
  if (n < 14)
    return past
      ? g_strdup_printf (ngettext ("%u day ago", "%u days ago", n), n)
      : g_strdup_printf (ngettext ("in %u day", "in %u days", n), n);

  if (n < 60)
    {
      n /= 7;
      return past
        ? g_strdup_printf (ngettext ("%u week ago", "%u weeks ago", n), n)
        : g_strdup_printf (ngettext ("in %u week", "in %u weeks", n), n);
    }

  if (n < 365)
    {
      n /= 30;
      return past
        ? g_strdup_printf (ngettext ("%u month ago", "%u months ago", n), n)
        : g_strdup_printf (ngettext ("in %u month", "in %u months", n), n);
    }

  n /= 365;
  return past
    ? g_strdup_printf (ngettext ("%u year ago", "%u years ago", n), n)
    : g_strdup_printf (ngettext ("in %u year", "in %u years", n), n);
}

char *
nb_date_format_long (const char *date_iso)
{
  GDate date;
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date_iso != NULL, NULL);

  g_date_clear (&date, 1);
  if (!parse_iso (date_iso, &date))
    return g_utf8_make_valid (date_iso, -1);

  dt = g_date_time_new_utc (g_date_get_year (&date),
                            g_date_get_month (&date),
                            g_date_get_day (&date),
                            0, 0, 0);

  /* Translators: a date as in "2 May 2024"; see g_date_time_format() */
  return g_date_time_format (dt, _("%-d %B %Y"));
}
