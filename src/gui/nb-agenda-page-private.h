/* nb-agenda-page-private.h: the agenda page's words, shared by
 * nb-agenda-page.c and nb-agenda-page-text.c (and tested on their own).
 *
 * Every function returns a newly allocated, translated, plain-text string
 * (never markup). Dates are YYYY-MM-DD.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* "Maria Rossi · overdue by 3 days"; either side may be empty or NULL. */
char *_nb_agenda_join_facts              (const char *first,
                                          const char *second);
/* "Monday, 23 November 2026" */
char *_nb_agenda_dup_date_heading        (const char *today_iso);
/* The day before @today_iso. */
/* @today_iso moved by @days (negative: back); itself if not a date. */
char *_nb_agenda_dup_day                 (const char *today_iso,
                                          int         days);
/* "2 follow-ups overdue · 3 due this week" */
char *_nb_agenda_dup_summary             (guint       n_overdue,
                                          guint       n_due);
/* @days from today to the due date: "overdue by 3 days", "due today",
 * "due tomorrow", "due in 5 days". */
char *_nb_agenda_dup_due_phrase          (int         days);
/* "every week", "every month", "every 3 months", "every 10 days" */
char *_nb_agenda_dup_cadence_phrase      (guint       days);
/* "last contact 95 days ago" */
char *_nb_agenda_dup_last_contact_phrase (const char *last_contact,
                                          const char *today);
/* "met 3 days ago"; without a meeting date, counted from @created (Unix
 * time), as the store does. */
char *_nb_agenda_dup_met_phrase          (const char *met_date,
                                          gint64      created,
                                          const char *today);
/* "You’ve given 5 and received 2: farming, not hunting." */
char *_nb_agenda_dup_goodwill_line       (guint       given,
                                          guint       received);

/* The last row of a long section: "Show 50 More". */
char *_nb_agenda_dup_show_more           (guint       n);
/* What that row tells screen readers: "5 of 1272 shown". */
char *_nb_agenda_dup_shown_of            (guint       n_shown,
                                          guint       n_total);
/* A section's size, beside its title: "1272" (grouped as the locale does). */
char *_nb_agenda_dup_count               (guint       n);

G_END_DECLS
