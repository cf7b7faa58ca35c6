/* nb-agenda-page-text.c: the agenda page's words: subtitles, the
 * summary line, the goodwill line. GLib only, so they can be tested
 * without a window.
 *
 * Whole phrases per case, never glued fragments, so that translators
 * can word "due in 3 days" and "overdue by 3 days" as their language
 * needs; ngettext() wherever a number is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "nb-agenda-page-private.h"
#include "nb-date.h"

char *
_nb_agenda_join_facts (const char *first,
                       const char *second)
{
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  if (first == NULL || *first == '\0')
    return g_strdup (second);

  /* Translators: joins two facts in a subtitle, as in
   * "Maria Rossi · overdue by 3 days" */
  return g_strdup_printf (_("%s · %s"), first, second);
}

char *
_nb_agenda_dup_date_heading (const char *today_iso)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate date;

  g_date_clear (&date, 1);
  if (!nb_date_parse_iso (today_iso, &date, NULL))
    return g_strdup (today_iso);

  dt = g_date_time_new_local (g_date_get_year (&date),
                              g_date_get_month (&date),
                              g_date_get_day (&date),
                              12, 0, 0);

  /* Translators: the agenda's date, as in "Monday, 23 November 2026";
   * see g_date_time_format() */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

char *
_nb_agenda_dup_day (const char *today_iso,
                    int         days)
{
  GDate date;

  g_date_clear (&date, 1);
  if (!nb_date_parse_iso (today_iso, &date, NULL))
    return g_strdup (today_iso);

  if (days < 0)
    g_date_subtract_days (&date, (guint) -days);
  else
    g_date_add_days (&date, (guint) days);
  return nb_date_to_iso (&date);
}

char *
_nb_agenda_dup_summary (guint n_overdue,
                        guint n_due)
{
  if (n_overdue > 0 && n_due > 0)
    {
      g_autofree char *overdue = NULL;
      g_autofree char *due = NULL;

      overdue = g_strdup_printf (ngettext ("%'u follow-up overdue",
                                           "%'u follow-ups overdue", n_overdue),
                                 n_overdue);
      /* Translators: follows "2 follow-ups overdue · " */
      due = g_strdup_printf (ngettext ("%'u due this week",
                                       "%'u due this week", n_due),
                             n_due);
      return _nb_agenda_join_facts (overdue, due);
    }

  if (n_overdue > 0)
    return g_strdup_printf (ngettext ("%'u follow-up overdue",
                                      "%'u follow-ups overdue", n_overdue),
                            n_overdue);

  if (n_due > 0)
    return g_strdup_printf (ngettext ("%'u follow-up due this week",
                                      "%'u follow-ups due this week", n_due),
                            n_due);

  return g_strdup (_("No follow-ups due this week"));
}

/* When a follow-up is due, relative to today: whole phrases, so that
 * translators never have to glue "due" to "in 3 days". */
char *
_nb_agenda_dup_due_phrase (int days)
{
  guint n = (guint) ABS (days);

  if (days < 0)
    return g_strdup_printf (ngettext ("overdue by %'u day",
                                      "overdue by %'u days", n),
                            n);
  if (days == 0)
    return g_strdup (_("due today"));
  if (days == 1)
    return g_strdup (_("due tomorrow"));

  return g_strdup_printf (ngettext ("due in %'u day", "due in %'u days", n), n);
}

char *
_nb_agenda_dup_cadence_phrase (guint days)
{
  guint n;

  if (days % 365 == 0)
    {
      n = days / 365;
      return n == 1 ? g_strdup (_("every year"))
                    : g_strdup_printf (ngettext ("every %u year", "every %u years", n), n);
    }

  /* Cadences are picked as "monthly", "quarterly"…: 30, 90, 180 days. */
  if (days % 30 == 0)
    {
      n = days / 30;
      return n == 1 ? g_strdup (_("every month"))
                    : g_strdup_printf (ngettext ("every %u month", "every %u months", n), n);
    }

  if (days % 7 == 0)
    {
      n = days / 7;
      return n == 1 ? g_strdup (_("every week"))
                    : g_strdup_printf (ngettext ("every %u week", "every %u weeks", n), n);
    }

  return days == 1 ? g_strdup (_("every day"))
                   : g_strdup_printf (ngettext ("every %u day", "every %u days", days), days);
}

char *
_nb_agenda_dup_last_contact_phrase (const char *last_contact,
                                    const char *today)
{
  int days;

  days = nb_date_days_between (last_contact, today);
  if (days <= 0)
    return g_strdup (_("last contact today"));
  if (days == 1)
    return g_strdup (_("last contact yesterday"));

  return g_strdup_printf (ngettext ("last contact %'u day ago",
                                    "last contact %'u days ago", (guint) days),
                          (guint) days);
}

char *
_nb_agenda_dup_met_phrase (const char *met_date,
                           gint64      created,
                           const char *today)
{
  g_autofree char *created_iso = NULL;
  int days;

  if (!nb_date_is_valid_iso (met_date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_local (created);

      if (dt == NULL)
        return g_strdup (_("met recently"));
      created_iso = g_date_time_format (dt, "%Y-%m-%d");
      met_date = created_iso;
    }

  days = nb_date_days_between (met_date, today);
  if (days <= 0)
    return g_strdup (_("met today"));
  if (days == 1)
    return g_strdup (_("met yesterday"));

  return g_strdup_printf (ngettext ("met %'u day ago", "met %'u days ago", (guint) days),
                          (guint) days);
}

char *
_nb_agenda_dup_goodwill_line (guint given,
                              guint received)
{
  if (given >= received)
    /* Translators: "farming, not hunting" is the book's image for
     * networking that builds relationships instead of chasing sales */
    return g_strdup_printf (_("You’ve given %u and received %u: farming, not hunting."),
                            given, received);

  return g_strdup_printf (_("You’ve received %u and given %u: a good moment to help someone."),
                          received, given);
}

char *
_nb_agenda_dup_show_more (guint n)
{
  /* Translators: the last row of a long list on the Today page */
  return g_strdup_printf (ngettext ("Show %u More", "Show %u More", n), n);
}

char *
_nb_agenda_dup_shown_of (guint n_shown,
                         guint n_total)
{
  g_autofree char *total = _nb_agenda_dup_count (n_total);

  /* Translators: "5 of 1,272 shown", said by screen readers for a
   * "Show More" row */
  return g_strdup_printf (ngettext ("%u of %s shown", "%u of %s shown", n_total),
                          n_shown, total);
}

char *
_nb_agenda_dup_count (guint n)
{
  /* %'u: thousands grouped as the locale wants ("1,272", "1 272"). */
  return g_strdup_printf ("%'u", n);
}
