/* nb-date.h: calendar dates as Netbook stores them ("YYYY-MM-DD").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strict: exactly YYYY-MM-DD, a real calendar day (2024-02-30 is refused),
 * year 1000..9999. On failure sets NB_STORE_ERROR_INVALID with a message
 * that quotes the input. @out may be NULL. */
gboolean  nb_date_parse_iso   (const char  *str,
                               GDate       *out,
                               GError     **error);
gboolean  nb_date_is_valid_iso (const char *str);
char     *nb_date_to_iso      (const GDate *date);

/* Today in local time. Honours NETBOOK_TODAY=YYYY-MM-DD so tests and
 * scripted demos are deterministic. */
void      nb_date_today       (GDate       *out);
char     *nb_date_today_iso   (void);

/* Whole days from @from to @to (negative when @to is earlier). Both must
 * be valid ISO dates; returns 0 otherwise. */
int       nb_date_days_between (const char *from_iso,
                                const char *to_iso);

/* "today", "yesterday", "3 days ago", "in 2 weeks", "5 months ago"… relative
 * to @today_iso, translated. */
char     *nb_date_format_relative (const char *date_iso,
                                   const char *today_iso);
/* A follow-up's date as typed in a capture line (nb-date-relative.c),
 * relative to @today_iso (NULL = today): "today", "tomorrow", a weekday
 * ("fri", "friday": the next one strictly after today), "next week" (its
 * Monday), "next month" (its first day), "in N days|weeks|months" (also
 * "in a week", "in 2w"), or a YYYY-MM-DD date. Case-insensitive English
 * words. On failure sets NB_STORE_ERROR_INVALID with a translated message
 * quoting @text. */
gboolean  nb_date_parse_relative (const char  *text,
                                  const char  *today_iso,
                                  char       **out_iso,
                                  GError     **error);

/* The date in the user's locale ("2 May 2024"). */
char     *nb_date_format_long  (const char *date_iso);

G_END_DECLS
